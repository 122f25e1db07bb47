package net.nym.tokenomics.performance.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.LogPosition;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.performance.application.PerformanceState;
import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.monitoring.SubmissionLedger;
import net.nym.tokenomics.performance.domain.rewardedset.RewardedSet;
import net.nym.tokenomics.performance.domain.routing.Measurement;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log as today's code writes it, and as older code wrote it, folds to the state it folded to when the fixture was
 * recorded. {@code fixtures/performance-log.json} holds every event type of this service's log at every schema version
 * and stored form in use: registry facts, releases, rewarded sets, chunked monitor submissions of both kinds, probe
 * facts, epoch results in the object form without and with the inputs' event count and in the column form, their
 * integration copies, and a type this service does not know. The expected digest was computed by the code that wrote
 * the fixture, before the codec moved onto event-log's stored forms; a codec change that folds any of these events
 * differently changes it.
 */
class PerformanceLogFixtureTest {

    /**
     * The digest of {@link #digest}'s summary of the fixture's fold, recorded with the code that wrote the fixture and
     * recomputed once since: the replay keys gained {@code signed_digest} (null for every fixture event, which predate
     * it), the only change to the summary; the events fold as before.
     */
    private static final String RECORDED_DIGEST = "f294c4022de8adb5561f6a86691b53d3e33a65e5f03005d826beb28f72daea38";

    /** Everything a query or an epoch's computation reads from the state, in canonical (sorted) form. */
    record Summary(LogPosition position, long appliedEvents, SortedMap<String, Long> streamVersions,
                   List<NodeRegistered> bonded, SortedMap<Long, BondedNode> bondedNodes, RewardedSet rewardedSet,
                   List<String> releases, SubmissionLedger submissions, SortedMap<Long, EpochPerformancePublished> epochs,
                   List<Long> computedEpochs, List<Measurement> measurements, List<NodeFact> facts,
                   List<NodeFact> latestFacts) {
    }

    static List<StoredEvent> fixture() throws IOException {
        try (InputStream in = PerformanceLogFixtureTest.class.getResourceAsStream("/fixtures/performance-log.json")) {
            return Json.mapper().readValue(in, new TypeReference<List<StoredEvent>>() { });
        }
    }

    static String digest(PerformanceState state, List<StoredEvent> log) {
        SortedMap<String, Long> versions = new TreeMap<>();
        for (StoredEvent e : log) {
            versions.put(e.streamId(), state.streamVersion(e.streamId()));
        }
        List<Long> computed = new ArrayList<>();
        List<NodeFact> facts = new ArrayList<>();
        for (long epoch = 0; epoch <= 10; epoch++) {
            if (state.epochLedger().isComputed(epoch)) {
                computed.add(epoch);
            }
            if (state.registration(epoch).isPresent()) {
                facts.addAll(state.selfDescriptions(epoch).facts(epoch));
            }
        }
        Instant end = Instant.parse("2026-11-20T12:00:00Z");
        PerformanceState.EpochInputs inputs = state.epochInputs(end, Duration.ofHours(24));
        List<NodeFact> latest = new ArrayList<>();
        for (BondedNode n : inputs.bondedNodes()) {
            latest.addAll(inputs.selfDescriptions().facts(n.nodeId()));
        }
        Summary summary = new Summary(state.position(), state.appliedEvents(), versions, state.bondedRegistrations(),
                new TreeMap<>(state.bondedNodes()), state.rewardedSet(),
                state.releases().entries().stream().map(Object::toString).toList(), state.submissions(),
                new TreeMap<>(state.epochs()), computed, inputs.measurements(), facts, latest);
        assertThat(inputs.releases()).isEqualTo(state.releases());
        return StateDigest.of(summary);
    }

    @Test
    void everyStoredFormInUseFoldsToTheRecordedState() throws IOException {
        List<StoredEvent> log = fixture();
        assertThat(log).extracting(StoredEvent::eventType).containsAll(PerformanceEvents.codec().types());
        PerformanceState state = new PerformanceState(Duration.ofHours(48), Duration.ofHours(1), 2160);
        log.forEach(state::apply);
        assertThat(state.epochs()).containsOnlyKeys(5L, 6L, 8L);
        assertThat(state.epochs().get(5L).inputsEventCount()).isNull();
        assertThat(digest(state, log)).isEqualTo(RECORDED_DIGEST);
    }

    @Test
    void foldingTwiceGivesTheSameState() throws IOException {
        List<StoredEvent> log = fixture();
        PerformanceState once = new PerformanceState(Duration.ofHours(48), Duration.ofHours(1), 2160);
        PerformanceState twice = new PerformanceState(Duration.ofHours(48), Duration.ofHours(1), 2160);
        log.forEach(once::apply);
        log.forEach(twice::apply);
        assertThat(digest(twice, log)).isEqualTo(digest(once, log));
    }
}
