package net.nym.tokenomics.performance.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceLedger;
import net.nym.tokenomics.performance.domain.monitoring.MonitorSubmissionDecider;
import net.nym.tokenomics.performance.domain.monitoring.MonitoringResultsRecorded;
import net.nym.tokenomics.performance.domain.monitoring.SubmissionLedger;
import net.nym.tokenomics.performance.domain.rewardedset.RewardedSet;
import net.nym.tokenomics.performance.domain.routing.Measurement;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionDecider;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.ReleaseAppended;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformanceResultPart;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeDeregistered;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.RewardedSetRecorded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The service's whole state: a fold of its own event log in log order, and nothing else (no clock, no config that
 * changes results except the retention limits, which only look at event fields). Live state and a replay use this
 * same class, so folding the same log prefix gives the same state. Thread-safe: every method holds the monitor.
 *
 * <p>Pruning is deterministic: measurements and probe facts older than {@code retention} before the newest one
 * seen are dropped (the latest fact of each node is always kept), so memory stays bounded.
 *
 * <p>The fields are package-private for {@link PerformanceStateCodec}, which reads and fills them under the monitor.
 */
public final class PerformanceState {

    /**
     * Everything one epoch's computation needs, read atomically with the log position it reflects and the number of
     * log events folded (the fold always starts at the log's beginning).
     */
    public record EpochInputs(LogPosition position, long eventCount, List<BondedNode> bondedNodes,
                              List<Measurement> measurements, SelfDescriptionHistory selfDescriptions,
                              ReleaseHistory releases) {
        public int measurementCount() {
            return measurements.size();
        }
    }

    private final EventCodec codec;
    final Duration retention;
    final int retainedEpochs;

    private LogPosition position = LogPosition.START;
    private UUID lastEventId;
    long appliedEvents;
    final Map<String, Long> streamVersions = new HashMap<>();
    final TreeMap<Long, NodeRegistered> everRegistered = new TreeMap<>();
    final TreeMap<Long, BondedNode> bonded = new TreeMap<>();
    SubmissionLedger submissions;
    /**
     * Recorded measurements by receive time, converted once when folded: an epoch's computation only concatenates the
     * window's lists, and the state does not keep the submissions' identity strings.
     */
    final TreeMap<Instant, List<Measurement>> measurementsByTime = new TreeMap<>();
    Instant newestMeasurement = Instant.EPOCH;
    final TreeMap<Long, ArrayList<NodeFact>> facts = new TreeMap<>();
    ReleaseHistory releases = ReleaseHistory.EMPTY;
    RewardedSet rewardedSet = RewardedSet.NONE;
    final TreeSet<Long> computedEpochs = new TreeSet<>();
    /** The results of the latest {@code retainedEpochs} computed epochs; not in a snapshot (see {@link #refoldEpochResult}). */
    private final TreeMap<Long, EpochPerformancePublished> recentEpochs = new TreeMap<>();
    private final PerformanceEvents.EpochResultAssembler epochParts = new PerformanceEvents.EpochResultAssembler();

    public PerformanceState(Duration retention, Duration replayRetention, int retainedEpochs) {
        this.codec = PerformanceEvents.codec();
        this.retention = retention;
        this.retainedEpochs = retainedEpochs;
        this.submissions = SubmissionLedger.empty(replayRetention);
    }

    /** Applies one committed event. Types this service does not know (e.g. a smoke-test probe) only bump versions. */
    public synchronized void apply(StoredEvent e) {
        streamVersions.put(e.streamId(), e.streamVersion());
        position = e.position();
        lastEventId = e.eventId();
        appliedEvents++;
        // The integration copy of an epoch's result is not decoded: the domain parts hold the same result, and
        // decoding every node's entry only to drop it would double the fold's work after each epoch.
        if (!codec.knows(e.eventType()) || IntegrationEvents.EpochPerformanceComputed.TYPE.equals(e.eventType())) {
            return;
        }
        switch (codec.decode(e)) {
            case MonitoringResultsRecorded m -> applySubmission(m);
            case NodeFact f -> applyFact(f);
            case ReleaseAppended r -> releases = ReleaseHistoryDecider.evolve(releases, r);
            case NodeRegistered r -> {
                everRegistered.put(r.nodeId(), r);
                bonded.put(r.nodeId(), new BondedNode(r.nodeId(), r.identityKey()));
            }
            case NodeDeregistered u -> bonded.remove(u.nodeId());
            case RewardedSetRecorded r -> rewardedSet = rewardedSet.evolve(r.toDomain());
            case EpochPerformanceResultPart part -> applyPart(part);
            default -> {
                // Every registered type is handled above; nothing else is decoded.
            }
        }
    }

    private void applyPart(EpochPerformanceResultPart part) {
        epochParts.add(part).ifPresent(p -> {
            computedEpochs.add(p.epoch());
            recentEpochs.put(p.epoch(), p);
            while (recentEpochs.size() > retainedEpochs) {
                recentEpochs.pollFirstEntry();
            }
        });
    }

    private void applySubmission(MonitoringResultsRecorded m) {
        submissions = MonitorSubmissionDecider.evolve(submissions, m);
        measurementsByTime.computeIfAbsent(m.receivedAt(), k -> new ArrayList<>(m.results().size()))
                .addAll(m.measurements());
        if (m.receivedAt().isAfter(newestMeasurement)) {
            newestMeasurement = m.receivedAt();
            measurementsByTime.headMap(newestMeasurement.minus(retention), false).clear();
        }
    }

    private void applyFact(NodeFact f) {
        ArrayList<NodeFact> list = facts.computeIfAbsent(f.nodeId(), k -> new ArrayList<>());
        SelfDescriptionHistory merged = SelfDescriptionDecider.evolve(SelfDescriptionHistory.of(list), f);
        list.clear();
        list.addAll(merged.facts(f.nodeId()));
        Instant horizon = list.getLast().observedAt().minus(retention);
        while (list.size() > 1 && list.get(1).observedAt().isBefore(horizon)) {
            list.removeFirst();
        }
    }

    public synchronized LogPosition position() {
        return position;
    }

    /** The id of the event at {@link #position} (null before the first). */
    public synchronized UUID lastEventId() {
        return lastEventId;
    }

    /** Whether an epoch's result is folded in part only (its remaining parts come in the same transaction). */
    public synchronized boolean assemblingEpoch() {
        return !epochParts.isEmpty();
    }

    /**
     * For a state decoded from a snapshot: it is the fold of the log up to and including {@code last}, the event the
     * log holds at the snapshot's position.
     */
    synchronized void resumeAfter(StoredEvent last) {
        position = last.position();
        lastEventId = last.eventId();
    }

    /**
     * The epochs whose results this state retains, oldest first: the latest {@code retainedEpochs} computed ones. A
     * state decoded from a snapshot has their ids, not their results; {@link #refoldEpochResult} folds them again.
     */
    synchronized List<Long> retainedEpochIds() {
        List<Long> ids = new ArrayList<>(computedEpochs.descendingSet().stream().limit(retainedEpochs).toList());
        Collections.reverse(ids);
        return ids;
    }

    /**
     * Folds one event of a retained epoch's stream again (other types are passed over): the results of a snapshot's
     * retained epochs are read back from their streams, as the whole fold assembled them, rather than stored twice.
     */
    synchronized void refoldEpochResult(StoredEvent e) {
        // both stored forms of a part decode to the part; the integration copy is passed over, as in apply
        if (PerformanceEvents.EpochPerformanceResultColumns.TYPE.equals(e.eventType())
                || EpochPerformanceResultPart.TYPE.equals(e.eventType())) {
            applyPart(codec.decode(e, EpochPerformanceResultPart.class));
        }
    }

    public synchronized long appliedEvents() {
        return appliedEvents;
    }

    public synchronized long streamVersion(String streamId) {
        return streamVersions.getOrDefault(streamId, 0L);
    }

    public synchronized SubmissionLedger submissions() {
        return submissions;
    }

    /** A copy of the bonded nodes by id (lookup view for submissions). */
    public synchronized Map<Long, BondedNode> bondedNodes() {
        return new HashMap<>(bonded);
    }

    public synchronized List<NodeRegistered> bondedRegistrations() {
        List<NodeRegistered> out = new ArrayList<>(bonded.size());
        for (Long id : bonded.keySet()) {
            out.add(everRegistered.get(id));
        }
        return out;
    }

    public synchronized Optional<NodeRegistered> registration(long nodeId) {
        return Optional.ofNullable(everRegistered.get(nodeId));
    }

    public synchronized boolean isBonded(long nodeId) {
        return bonded.containsKey(nodeId);
    }

    public synchronized SelfDescriptionHistory selfDescriptions(long nodeId) {
        return SelfDescriptionHistory.of(facts.getOrDefault(nodeId, new ArrayList<>()));
    }

    /** The rewarded set of the highest epoch recorded ({@link RewardedSet#NONE} before the first). */
    public synchronized RewardedSet rewardedSet() {
        return rewardedSet;
    }

    public synchronized ReleaseHistory releases() {
        return releases;
    }

    public synchronized EpochPerformanceLedger epochLedger() {
        return new EpochPerformanceLedger(computedEpochs);
    }

    public synchronized Optional<EpochPerformancePublished> epoch(long epoch) {
        return Optional.ofNullable(recentEpochs.get(epoch));
    }

    /** Retained published epochs, newest first. */
    public synchronized List<EpochPerformancePublished> epochsNewestFirst() {
        return new ArrayList<>(recentEpochs.descendingMap().values());
    }

    public synchronized NavigableMap<Long, EpochPerformancePublished> epochs() {
        return Collections.unmodifiableNavigableMap(new TreeMap<>(recentEpochs));
    }

    /**
     * Inputs of the epoch ending at {@code epochEnd}: the bonded nodes, the measurements recorded in
     * {@code [epochEnd − window, epochEnd]} and each node's latest probe fact at or before {@code epochEnd}.
     */
    public synchronized EpochInputs epochInputs(Instant epochEnd, Duration window) {
        var inWindow = measurementsByTime.subMap(epochEnd.minus(window), true, epochEnd, true).values();
        int count = 0;
        for (List<Measurement> at : inWindow) {
            count += at.size();
        }
        List<Measurement> measurements = new ArrayList<>(count);
        for (List<Measurement> at : inWindow) {
            measurements.addAll(at);
        }
        List<NodeFact> latest = new ArrayList<>(bonded.size());
        for (Long id : bonded.keySet()) {
            List<NodeFact> list = facts.get(id);
            if (list != null) {
                SelfDescriptionHistory.of(list).latestAtOrBefore(id, epochEnd).ifPresent(latest::add);
            }
        }
        return new EpochInputs(position, appliedEvents, new ArrayList<>(bonded.values()), measurements,
                SelfDescriptionHistory.of(latest), releases);
    }
}
