package net.nym.tokenomics.performance.domain.selfdescribed;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.performance.domain.Decision;

import java.time.Instant;
import java.util.Objects;

/** Decide/evolve for probe facts. A node's facts must arrive in strictly increasing observation time. */
public final class SelfDescriptionDecider {

    private SelfDescriptionDecider() {
    }

    /** Command: record what the prober saw; the fact is the event to append if accepted. */
    public record RecordProbeResult(NodeFact fact) {
        public RecordProbeResult {
            Objects.requireNonNull(fact, "fact");
        }
    }

    public sealed interface ProbeRejection extends Rejection {

        /** A fact at or before the node's latest recorded observation: a replay or an out-of-order prober. */
        record NotAfterLatestObservation(long nodeId, Instant observedAt, Instant latestObservedAt) implements ProbeRejection {
            public ErrorKind kind() {
                return ErrorKind.CONFLICT;
            }

            public String code() {
                return "stale_observation";
            }

            public String field() {
                return "observed_at";
            }

            public String reason() {
                return observedAt + " is not after node " + nodeId + "'s latest observation " + latestObservedAt;
            }
        }
    }

    public static Decision<NodeFact, ProbeRejection> decide(RecordProbeResult command, SelfDescriptionHistory state) {
        NodeFact fact = command.fact();
        var latest = state.latest(fact.nodeId());
        if (latest.isPresent() && !fact.observedAt().isAfter(latest.get().observedAt())) {
            return Decision.reject(new ProbeRejection.NotAfterLatestObservation(fact.nodeId(), fact.observedAt(),
                    latest.get().observedAt()));
        }
        return Decision.accept(fact);
    }

    public static SelfDescriptionHistory evolve(SelfDescriptionHistory state, NodeFact event) {
        return switch (event) {
            case NodeFact.NodeDescribed d -> state.with(d);
            case NodeFact.NodeUnreachable u -> state.with(u);
        };
    }
}
