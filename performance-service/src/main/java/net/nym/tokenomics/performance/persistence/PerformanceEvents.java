package net.nym.tokenomics.performance.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.NodePerformance;
import net.nym.tokenomics.performance.domain.routing.RoutingProvider;
import net.nym.tokenomics.performance.domain.monitoring.MonitoringResultsRecorded;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.version.ReleaseEntry;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.ReleaseAppended;
import net.nym.tokenomics.performance.domain.version.Semver;
import net.nym.tokenomics.performance.domain.version.VersionDifference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The event types of performance-service's own log, their stream names and the codec. Domain records that are plain
 * records are stored as they are; the release entry is mapped to a DTO (its {@code Semver} is stored as text).
 * Registry facts copied from rewards-service carry their own type names so this topic never re-publishes
 * rewards-service's {@code NodeBonded}.
 */
public final class PerformanceEvents {

    public static final String RELEASES_STREAM = "releases";
    public static final String REGISTRY_STREAM = "node-registry";

    private PerformanceEvents() {
    }

    public static String submissionStream(MonitoringResultsRecorded e) {
        return "monitor-" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + e.signer();
    }

    public static String selfDescriptionStream(long nodeId) {
        return "node-" + nodeId + "-self-description";
    }

    public static String epochStream(long epoch) {
        return "epoch-" + epoch + "-performance";
    }

    /** A release appended to the chain. */
    public record ReleaseRecorded(long id, String semver, Instant introducedAt, long major, long minor, long patch,
                                  long prerelease) {
        public static final String TYPE = "ReleaseAppended";

        public static ReleaseRecorded of(ReleaseAppended e) {
            ReleaseEntry r = e.entry();
            VersionDifference d = r.differenceSinceGenesis();
            return new ReleaseRecorded(r.id(), r.semver().toString(), r.introducedAt(), d.major(), d.minor(), d.patch(),
                    d.prerelease());
        }

        public ReleaseAppended toDomain() {
            return new ReleaseAppended(new ReleaseEntry(id, Semver.parse(semver), introducedAt,
                    new VersionDifference(major, minor, patch, prerelease)));
        }
    }

    /** rewards-service bonded a node: the registry fact this service keys its work on. */
    public record NodeRegistered(long nodeId, String identityKey, String host, Integer httpPort, boolean mixnode,
                                 boolean entry, boolean exit, long bondedInEpoch) {
        public static final String TYPE = "RegistryNodeBonded";

        public static NodeRegistered of(IntegrationEvents.NodeBonded b) {
            IntegrationEvents.NodeRoles roles = b.roles() == null ? new IntegrationEvents.NodeRoles(false, false, false)
                    : b.roles();
            return new NodeRegistered(b.nodeId(), Objects.requireNonNullElse(b.identityKey(), ""), b.host(), b.httpPort(),
                    roles.mixnode(), roles.entry(), roles.exit(), b.bondedInEpoch());
        }
    }

    /** rewards-service unbonded a node. */
    public record NodeDeregistered(long nodeId, long unbondedInEpoch) {
        public static final String TYPE = "RegistryNodeUnbonded";
    }

    /**
     * The per-epoch result (assembled from its parts) with the log position its inputs were folded up to (so a replay
     * recomputes it from exactly the same inputs) and the digest of the result (the one the integration event carries).
     */
    public record EpochPerformancePublished(long epoch, LogPosition inputsUpTo, String stateDigest,
                                            EpochPerformanceComputed result) {

        /** The result as events of at most {@code nodesPerPart} nodes each (Kafka's 1 MiB record limit). */
        public List<EpochPerformanceResultPart> parts(int nodesPerPart) {
            List<NodePerformance> nodes = result.nodes();
            int size = Math.max(1, nodesPerPart);
            int parts = Math.max(1, (nodes.size() + size - 1) / size);
            List<EpochPerformanceResultPart> out = new ArrayList<>(parts);
            for (int i = 0; i < parts; i++) {
                out.add(new EpochPerformanceResultPart(epoch, i, parts, inputsUpTo, stateDigest, result.windowStart(),
                        result.windowEnd(), result.routingProvider(),
                        nodes.subList(Math.min(nodes.size(), i * size), Math.min(nodes.size(), (i + 1) * size))));
            }
            return out;
        }
    }

    /** One stored part of an epoch's result; the parts are appended together, in order, to the epoch's stream. */
    public record EpochPerformanceResultPart(long epoch, int part, int parts, LogPosition inputsUpTo, String stateDigest,
                                             Instant windowStart, Instant windowEnd, RoutingProvider routingProvider,
                                             List<NodePerformance> nodes) {
        public static final String TYPE = "EpochPerformanceResult";
    }

    /** Joins the parts of epoch results as they are folded; yields a result when its last part arrives. */
    public static final class EpochResultAssembler {
        private final Map<Long, List<EpochPerformanceResultPart>> pending = new TreeMap<>();

        public Optional<EpochPerformancePublished> add(EpochPerformanceResultPart part) {
            List<EpochPerformanceResultPart> got = pending.computeIfAbsent(part.epoch(), k -> new ArrayList<>());
            got.add(part);
            if (got.size() < part.parts()) {
                return Optional.empty();
            }
            pending.remove(part.epoch());
            got.sort(java.util.Comparator.comparingInt(EpochPerformanceResultPart::part));
            List<NodePerformance> nodes = new ArrayList<>();
            for (EpochPerformanceResultPart p : got) {
                nodes.addAll(p.nodes());
            }
            return Optional.of(new EpochPerformancePublished(part.epoch(), part.inputsUpTo(), part.stateDigest(),
                    new EpochPerformanceComputed(part.epoch(), part.windowStart(), part.windowEnd(), part.routingProvider(),
                            nodes)));
        }
    }

    public static EventCodec codec() {
        return new EventCodec()
                .register("MonitoringResultsRecorded", 1, MonitoringResultsRecorded.class)
                .register("NodeDescribed", 1, NodeFact.NodeDescribed.class)
                .register("NodeUnreachable", 1, NodeFact.NodeUnreachable.class)
                .register(ReleaseRecorded.TYPE, 1, ReleaseRecorded.class)
                .register(NodeRegistered.TYPE, 1, NodeRegistered.class)
                .register(NodeDeregistered.TYPE, 1, NodeDeregistered.class)
                .register(EpochPerformanceResultPart.TYPE, 1, EpochPerformanceResultPart.class)
                .register(IntegrationEvents.EpochPerformanceComputed.TYPE, IntegrationEvents.EpochPerformanceComputed.VERSION,
                        IntegrationEvents.EpochPerformanceComputed.class);
    }
}
