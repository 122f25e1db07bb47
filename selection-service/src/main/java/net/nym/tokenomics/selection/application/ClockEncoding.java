package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.persistence.ProofJson;
import net.nym.tokenomics.selection.persistence.SelectionEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the log receives for the clock's events: each domain event, with its value (folded without decoding it), followed
 * by the integration event it publishes, if any ({@code EpochEnded}, {@code RewardedSetSelected}, {@code EpochStarted};
 * published, not folded).
 */
final class ClockEncoding {

    private ClockEncoding() {
    }

    /**
     * @param packedColumns a proof's packed table when it was computed already (else null: packed by the codec)
     * @param cause         the consumed input this is an effect of, or null
     */
    static List<Decision.Pending> pending(List<EpochClockEvent> events, Function<SelectionProof, String> packedColumns,
                                          String consumer, UUID cause) {
        List<Decision.Pending> out = new ArrayList<>();
        for (EpochClockEvent e : events) {
            var encoded = SelectionEvents.encodeClock(UUID.randomUUID(), e,
                    e instanceof EpochClockEvent.RewardedSetSelected s ? packedColumns.apply(s.proof()) : null);
            out.add(new Decision.Pending(cause == null ? encoded : encoded.causedBy(consumer, cause), e));
            IntegrationEvents.SelectionEvent integration = integrationOf(e);
            if (integration != null) {
                var published = SelectionEvents.encodeIntegration(UUID.randomUUID(), integration);
                out.add(new Decision.Pending(cause == null ? published : published.causedBy(consumer, cause), null));
            }
        }
        return out;
    }

    /**
     * What the read model receives for the clock's events, in the transaction that appends them: a {@code rewarded_set}
     * row of the stream for each selection.
     */
    static Decision.Effects history(List<EpochClockEvent> events, String streamId) {
        List<SelectedSet> sets = new ArrayList<>();
        for (EpochClockEvent e : events) {
            if (e instanceof EpochClockEvent.RewardedSetSelected s) {
                sets.add(SelectedSet.of(s));
            }
        }
        return sets.isEmpty() ? Decision.Effects.NONE : c -> {
            for (SelectedSet s : sets) {
                s.put(c, streamId);
            }
        };
    }

    private static IntegrationEvents.SelectionEvent integrationOf(EpochClockEvent e) {
        return switch (e) {
            case EpochClockEvent.ClockInitialized i -> null;
            case EpochClockEvent.EpochEnded x -> new IntegrationEvents.EpochEnded(x.epochId(), x.intervalId(),
                    x.epochInInterval(), x.start(), x.end(), x.lastInInterval());
            case EpochClockEvent.RewardedSetSelected x -> {
                ProofJson.Lists l = ProofJson.Lists.of(x.proof().result());
                yield new IntegrationEvents.RewardedSetSelected(x.epochId(), l.entryGateways(), l.exitGateways(),
                        l.layer1(), l.layer2(), l.layer3(), l.standby(), x.proof().seed().hex(), x.proof().digest().hex());
            }
            case EpochClockEvent.EpochStarted x -> new IntegrationEvents.EpochStarted(x.epochId(), x.intervalId(),
                    x.epochInInterval(), x.start(), x.plannedEnd());
        };
    }
}
