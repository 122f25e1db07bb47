package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.command.SnapshotCodec;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.monitoring.SubmissionKey;
import net.nym.tokenomics.performance.domain.monitoring.SubmissionLedger;
import net.nym.tokenomics.performance.domain.rewardedset.RewardedRole;
import net.nym.tokenomics.performance.domain.rewardedset.RewardedSet;
import net.nym.tokenomics.performance.domain.routing.Measurement;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.ReleaseAppended;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.ReleaseRecorded;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The snapshot format of {@link PerformanceState} (docs/adr/0011), as canonical JSON (event-log's {@link Json}: sorted
 * properties and map keys): the event count, every stream's version, the registry, the replay keys, the measurements
 * and probe facts not pruned yet, the release chain, the current rewarded set and the ids of the computed epochs.
 * Every collection is written in its key order (stream, node id, receive time, epoch), so the same state always gives
 * the same bytes.
 *
 * <p>Not in it: the log position and last event id (the snapshot's row has them, and the log confirms them), and the
 * retained epochs' results, which the performance history table (ADR 0012) and the log already hold: the follower
 * folds those epochs' streams again after loading ({@link PerformanceState#refoldEpochResult}). The retention
 * settings are in it: a state pruned under other settings is not the fold this service would make, so such a
 * snapshot fails to decode (and the whole log is folded).
 */
public final class PerformanceStateCodec implements SnapshotCodec<PerformanceState> {

    public static final String FORMAT = "performance-state/1";

    record StateJson(String retention, String replayRetention, int retainedEpochs, long appliedEvents,
                     TreeMap<String, Long> streamVersions, List<NodeRegistered> registered, List<Long> bonded,
                     List<SubmissionKey> submissionKeys, Instant newestMeasurement, List<MeasurementsJson> measurements,
                     List<FactJson> facts, List<ReleaseRecorded> releases, long rewardedEpoch,
                     List<RoleJson> rewardedRoles, List<Long> computedEpochs) {
    }

    /** Consecutive measurements of one receive time by one monitor, in the state's order. */
    record MeasurementsJson(Instant recordedAt, MonitorKind kind, String monitor, long[] nodeIds, int[] reliabilities) {
    }

    /** One probe fact: exactly one of the two is set. */
    record FactJson(NodeFact.NodeDescribed described, NodeFact.NodeUnreachable unreachable) {
    }

    record RoleJson(long nodeId, RewardedRole role) {
    }

    private final Duration retention;
    private final Duration replayRetention;
    private final int retainedEpochs;

    /** For states with these retention settings ({@link PerformanceState}'s constructor's). */
    public PerformanceStateCodec(Duration retention, Duration replayRetention, int retainedEpochs) {
        this.retention = retention;
        this.replayRetention = replayRetention;
        this.retainedEpochs = retainedEpochs;
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /**
     * Requires a state with no epoch result folded in part ({@link PerformanceState#assemblingEpoch}). Holds the state's
     * monitor only while it copies the state out; the JSON is written after.
     */
    @Override
    public byte[] encode(PerformanceState s) {
        return Json.writeBytes(copy(s));
    }

    private static StateJson copy(PerformanceState s) {
        synchronized (s) {
            if (s.assemblingEpoch()) {
                throw new IllegalStateException("an epoch's result is folded in part only: no snapshot of this state");
            }
            List<MeasurementsJson> measurements = new ArrayList<>();
            s.measurementsByTime.forEach((at, list) -> runs(at, list, measurements));
            List<FactJson> facts = new ArrayList<>();
            s.facts.values().forEach(list -> list.forEach(f -> facts.add(switch (f) {
                case NodeFact.NodeDescribed d -> new FactJson(d, null);
                case NodeFact.NodeUnreachable u -> new FactJson(null, u);
            })));
            List<RoleJson> roles = s.rewardedSet.roles().entrySet().stream()
                    .map(e -> new RoleJson(e.getKey(), e.getValue())).toList();
            return new StateJson(s.retention.toString(), s.submissions.retention().toString(),
                    s.retainedEpochs, s.appliedEvents, new TreeMap<>(s.streamVersions),
                    List.copyOf(s.everRegistered.values()), List.copyOf(s.bonded.keySet()),
                    List.copyOf(s.submissions.recentKeys()), s.newestMeasurement, measurements, facts,
                    s.releases.entries().stream().map(r -> ReleaseRecorded.of(new ReleaseAppended(r))).toList(),
                    s.rewardedSet.epoch(), roles, List.copyOf(s.computedEpochs));
        }
    }

    /** Splits one receive time's measurements into runs of one monitor and kind, keeping their order. */
    private static void runs(Instant at, List<Measurement> list, List<MeasurementsJson> out) {
        int from = 0;
        while (from < list.size()) {
            Measurement first = list.get(from);
            int to = from;
            while (to < list.size() && list.get(to).kind() == first.kind() && list.get(to).monitor().equals(first.monitor())) {
                to++;
            }
            long[] nodes = new long[to - from];
            int[] reliabilities = new int[to - from];
            for (int i = from; i < to; i++) {
                nodes[i - from] = list.get(i).nodeId();
                reliabilities[i - from] = list.get(i).reliability();
            }
            out.add(new MeasurementsJson(at, first.kind(), first.monitor(), nodes, reliabilities));
            from = to;
        }
    }

    @Override
    public PerformanceState decode(byte[] bytes) {
        StateJson j;
        try {
            j = Json.read(bytes, StateJson.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + FORMAT + " snapshot: " + e.getMessage(), e);
        }
        if (!retention.toString().equals(j.retention()) || !replayRetention.toString().equals(j.replayRetention())
                || j.retainedEpochs() != retainedEpochs) {
            throw new IllegalArgumentException("taken with retention " + j.retention() + ", replay retention "
                    + j.replayRetention() + ", " + j.retainedEpochs() + " retained epochs; this service has " + retention
                    + ", " + replayRetention + ", " + retainedEpochs);
        }
        PerformanceState s = new PerformanceState(retention, replayRetention, retainedEpochs);
        s.appliedEvents = j.appliedEvents();
        s.streamVersions.putAll(j.streamVersions());
        j.registered().forEach(r -> s.everRegistered.put(r.nodeId(), r));
        for (long id : j.bonded()) {
            NodeRegistered r = s.everRegistered.get(id);
            if (r == null) {
                throw new IllegalArgumentException("bonded node " + id + " was never registered");
            }
            s.bonded.put(id, new BondedNode(id, r.identityKey()));
        }
        s.submissions = new SubmissionLedger(replayRetention, new TreeSet<>(j.submissionKeys()));
        s.newestMeasurement = j.newestMeasurement();
        for (MeasurementsJson m : j.measurements()) {
            List<Measurement> at = s.measurementsByTime.computeIfAbsent(m.recordedAt(), k -> new ArrayList<>());
            for (int i = 0; i < m.nodeIds().length; i++) {
                at.add(new Measurement(m.nodeIds()[i], m.kind(), m.monitor(), m.recordedAt(), m.reliabilities()[i]));
            }
        }
        for (FactJson f : j.facts()) {
            NodeFact fact = f.described() != null ? f.described() : f.unreachable();
            s.facts.computeIfAbsent(fact.nodeId(), k -> new ArrayList<>()).add(fact);
        }
        s.releases = new ReleaseHistory(j.releases().stream().map(r -> r.toDomain().entry()).toList());
        TreeMap<Long, RewardedRole> roles = new TreeMap<>();
        j.rewardedRoles().forEach(r -> roles.put(r.nodeId(), r.role()));
        s.rewardedSet = new RewardedSet(j.rewardedEpoch(), roles);
        s.computedEpochs.addAll(j.computedEpochs());
        return s;
    }
}
