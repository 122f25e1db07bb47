package net.nym.tokenomics.performance.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.config.ConfigScore;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.NodePerformance;
import net.nym.tokenomics.performance.domain.rewardedset.RewardedSet;
import net.nym.tokenomics.performance.domain.routing.RoutingProvider;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
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
 * The event types of performance-service's own log, their stream names and the codec ({@link #codec}).
 */
public final class PerformanceEvents {

    public static final String RELEASES_STREAM = "releases";
    public static final String REGISTRY_STREAM = "node-registry";

    private PerformanceEvents() {
    }

    /** One stream per monitor and kind: a replay key (signer, kind, timestamp) is checked against its stream. */
    public static String submissionStream(MonitorKind kind, String signer) {
        return "monitor-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + signer;
    }

    public static String selfDescriptionStream(long nodeId) {
        return "node-" + nodeId + "-self-description";
    }

    public static String rewardedSetStream(long epoch) {
        return "epoch-" + epoch + "-rewarded-set";
    }

    public static String epochStream(long epoch) {
        return "epoch-" + epoch + "-performance";
    }

    /** The stored form of a {@link ReleaseAppended} (type {@code ReleaseAppended}). */
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

    /**
     * selection-service chose the rewarded set of {@code epochId} (its {@code RewardedSetSelected}, without the
     * selection proof): the source of annotations' {@code current_role}. Stored under a type of its own so this topic
     * never re-publishes selection-service's event.
     */
    public record RewardedSetRecorded(long epochId, List<Long> entryGateways, List<Long> exitGateways, List<Long> layer1,
                                      List<Long> layer2, List<Long> layer3, List<Long> standby) {
        public static final String TYPE = "RewardedSetRecorded";

        public static RewardedSetRecorded of(IntegrationEvents.RewardedSetSelected s) {
            return new RewardedSetRecorded(s.epochId(), orEmpty(s.entryGateways()), orEmpty(s.exitGateways()),
                    orEmpty(s.layer1()), orEmpty(s.layer2()), orEmpty(s.layer3()), orEmpty(s.standby()));
        }

        private static List<Long> orEmpty(List<Long> nodes) {
            return nodes == null ? List.of() : List.copyOf(nodes);
        }

        public RewardedSet toDomain() {
            return RewardedSet.of(epochId, entryGateways, layer1, layer2, layer3, exitGateways, standby);
        }
    }

    /** rewards-service unbonded a node. */
    public record NodeDeregistered(long nodeId, long unbondedInEpoch) {
        public static final String TYPE = "RegistryNodeUnbonded";
    }

    /**
     * The per-epoch result (assembled from its parts) with how far its inputs were folded — the log position and the
     * number of log events (so a replay recomputes it from exactly the same inputs; the count also holds in a log
     * rebuilt from Kafka, where every event gets a new position; null in logs written before it was recorded) — and
     * the digest of the result (the one the integration event carries).
     */
    public record EpochPerformancePublished(long epoch, LogPosition inputsUpTo, Long inputsEventCount,
                                            String stateDigest, EpochPerformanceComputed result) {

        /** The result as events of at most {@code nodesPerPart} nodes each (Kafka's 1 MiB record limit). */
        public List<EpochPerformanceResultPart> parts(int nodesPerPart) {
            List<NodePerformance> nodes = result.nodes();
            int size = Math.max(1, nodesPerPart);
            int parts = Math.max(1, (nodes.size() + size - 1) / size);
            List<EpochPerformanceResultPart> out = new ArrayList<>(parts);
            for (int i = 0; i < parts; i++) {
                out.add(new EpochPerformanceResultPart(epoch, i, parts, inputsUpTo, stateDigest, result.windowStart(),
                        result.windowEnd(), result.routingProvider(),
                        nodes.subList(Math.min(nodes.size(), i * size), Math.min(nodes.size(), (i + 1) * size)),
                        inputsEventCount));
            }
            return out;
        }
    }

    /**
     * One part of an epoch's result; the parts are appended together, in order, to the epoch's stream (stored as
     * {@link EpochPerformanceResultColumns}; older logs hold this record's own JSON under {@link #TYPE}).
     */
    public record EpochPerformanceResultPart(long epoch, int part, int parts, LogPosition inputsUpTo, String stateDigest,
                                             Instant windowStart, Instant windowEnd, RoutingProvider routingProvider,
                                             List<NodePerformance> nodes, Long inputsEventCount) {
        /** The type name of the object form, no longer written. */
        public static final String TYPE = "EpochPerformanceResult";
    }

    /**
     * The stored form of an {@link EpochPerformanceResultPart} (type {@code EpochPerformanceResultColumns}): the same
     * values, one array per field instead of one object per node, so 10,000 nodes do not repeat every property name
     * 10,000 times — less than half the bytes to append, relay and fold. Logs written before it hold
     * {@code EpochPerformanceResult} parts, which are still read.
     */
    public record EpochPerformanceResultColumns(long epoch, int part, int parts, LogPosition inputsUpTo,
                                                long inputsEventCount, String stateDigest, Instant windowStart,
                                                Instant windowEnd, RoutingProvider routingProvider, long[] nodeId,
                                                String[] identity, double[] routingScore, long[] measurementCount,
                                                double[] configScore, Long[] versionsBehind,
                                                boolean[] selfDescribedApiAvailable,
                                                boolean[] acceptedTermsAndConditions, boolean[] runsNymNodeBinary,
                                                double[] performanceScore, Percent[] performance,
                                                Percent[] last24hPerformance, ScoreReason[][] reasons) {
        public static final String TYPE = "EpochPerformanceResultColumns";

        public EpochPerformanceResultColumns {
            int n = nodeId.length;
            if (identity.length != n || routingScore.length != n || measurementCount.length != n
                    || configScore.length != n || versionsBehind.length != n || selfDescribedApiAvailable.length != n
                    || acceptedTermsAndConditions.length != n || runsNymNodeBinary.length != n
                    || performanceScore.length != n || performance.length != n || last24hPerformance.length != n
                    || reasons.length != n) {
                throw new IllegalArgumentException("epoch " + epoch + " part " + part + ": columns of different lengths");
            }
        }

        public static EpochPerformanceResultColumns of(EpochPerformanceResultPart p) {
            int n = p.nodes().size();
            long[] nodeId = new long[n];
            String[] identity = new String[n];
            double[] routingScore = new double[n];
            long[] measurementCount = new long[n];
            double[] configScore = new double[n];
            Long[] versionsBehind = new Long[n];
            boolean[] described = new boolean[n];
            boolean[] terms = new boolean[n];
            boolean[] nymNode = new boolean[n];
            double[] performanceScore = new double[n];
            Percent[] performance = new Percent[n];
            Percent[] last24h = new Percent[n];
            ScoreReason[][] reasons = new ScoreReason[n][];
            for (int i = 0; i < n; i++) {
                NodePerformance node = p.nodes().get(i);
                ConfigScore c = node.configScore();
                nodeId[i] = node.nodeId();
                identity[i] = node.identity();
                routingScore[i] = node.routingScore();
                measurementCount[i] = node.measurementCount();
                configScore[i] = c.score();
                versionsBehind[i] = c.versionsBehind();
                described[i] = c.selfDescribedApiAvailable();
                terms[i] = c.acceptedTermsAndConditions();
                nymNode[i] = c.runsNymNodeBinary();
                performanceScore[i] = node.performanceScore();
                performance[i] = node.performance();
                last24h[i] = node.last24hPerformance();
                reasons[i] = node.reasons().toArray(ScoreReason[]::new);
            }
            if (p.inputsEventCount() == null) {
                throw new IllegalArgumentException("epoch " + p.epoch() + ": the inputs' event count is required");
            }
            return new EpochPerformanceResultColumns(p.epoch(), p.part(), p.parts(), p.inputsUpTo(), p.inputsEventCount(),
                    p.stateDigest(),
                    p.windowStart(), p.windowEnd(), p.routingProvider(), nodeId, identity, routingScore, measurementCount,
                    configScore, versionsBehind, described, terms, nymNode, performanceScore, performance, last24h, reasons);
        }

        public EpochPerformanceResultPart toPart() {
            List<NodePerformance> nodes = new ArrayList<>(nodeId.length);
            for (int i = 0; i < nodeId.length; i++) {
                nodes.add(new NodePerformance(nodeId[i], identity[i], routingScore[i], measurementCount[i],
                        new ConfigScore(configScore[i], versionsBehind[i], selfDescribedApiAvailable[i],
                                acceptedTermsAndConditions[i], runsNymNodeBinary[i]),
                        performanceScore[i], performance[i], last24hPerformance[i], List.of(reasons[i])));
            }
            return new EpochPerformanceResultPart(epoch, part, parts, inputsUpTo, stateDigest, windowStart, windowEnd,
                    routingProvider, nodes, inputsEventCount);
        }
    }

    /** Joins the parts of epoch results as they are folded; yields a result when its last part arrives. */
    public static final class EpochResultAssembler {
        private final Map<Long, List<EpochPerformanceResultPart>> pending = new TreeMap<>();

        /** Whether no epoch is waiting for more of its parts. */
        public boolean isEmpty() {
            return pending.isEmpty();
        }

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
            return Optional.of(new EpochPerformancePublished(part.epoch(), part.inputsUpTo(), part.inputsEventCount(),
                    part.stateDigest(),
                    new EpochPerformanceComputed(part.epoch(), part.windowStart(), part.windowEnd(), part.routingProvider(),
                            nodes)));
        }
    }

    /**
     * The codec of this service's log. Every type is at schema version 1. Two records have stored forms of their own:
     * a release is stored as {@link ReleaseRecorded} (its {@code Semver} as text, the difference since genesis spelled
     * out), an epoch result's part as {@link EpochPerformanceResultColumns}; parts in the object form that logs written
     * before the columns hold ({@code EpochPerformanceResult}, with or without the inputs' event count) are still
     * read, into the same record. Registry facts and rewarded sets copied from other services have type names of their
     * own, so this topic never re-publishes those services' events.
     */
    public static EventCodec codec() {
        return new EventCodec()
                .register("MonitoringResultsRecorded", 1, MonitoringResultsRecorded.class)
                .register("NodeDescribed", 1, NodeFact.NodeDescribed.class)
                .register("NodeUnreachable", 1, NodeFact.NodeUnreachable.class)
                .registerForm(ReleaseRecorded.TYPE, 1, ReleaseAppended.class, ReleaseRecorded.class, ReleaseRecorded::of,
                        ReleaseRecorded::toDomain)
                .register(NodeRegistered.TYPE, 1, NodeRegistered.class)
                .register(NodeDeregistered.TYPE, 1, NodeDeregistered.class)
                .register(RewardedSetRecorded.TYPE, 1, RewardedSetRecorded.class)
                .registerForm(EpochPerformanceResultColumns.TYPE, 1, EpochPerformanceResultPart.class,
                        EpochPerformanceResultColumns.class, EpochPerformanceResultColumns::of,
                        EpochPerformanceResultColumns::toPart)
                .readsRetired(EpochPerformanceResultPart.TYPE, 1, EpochPerformanceResultPart.class, part -> part)
                .register(IntegrationEvents.EpochPerformanceComputed.TYPE, IntegrationEvents.EpochPerformanceComputed.VERSION,
                        IntegrationEvents.EpochPerformanceComputed.class);
    }
}
