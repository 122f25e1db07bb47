package net.nym.tokenomics.selection.application;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.SelectionVerifier;
import net.nym.tokenomics.selection.persistence.SelectionEvents;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logs of every schema version in use still replay to the sets and digests they published:
 * <ul>
 *   <li>a log written before the compact proof and the packed inputs (schema version 1 of
 *       {@code selection.RewardedSetSelected}, {@code StakeSnapshotRecorded} and {@code PerformanceRecorded}, recorded by
 *       the service as it was: {@code fixtures/selection-log-v1.json}, bootstrap and epochs 1 and 2): every proof
 *       verifies, the REST form of its proofs is unchanged, and the hash chain continues from it into v2 proofs;</li>
 *   <li>a log written by the code of before the move onto event-log's command handler and one codec
 *       ({@code fixtures/selection-log-v2.json}: every type at its current version, an InputRejected and an unbonding
 *       included): it folds to its published digests, and the same inputs and commands write it again event for event
 *       (types, versions, payloads, causation).</li>
 * </ul>
 */
@QuarkusTest
class LegacyLogTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    record FixtureEvent(String eventId, String eventType, int schemaVersion, String payload, Map<String, String> metadata) {
    }

    @Inject
    DataSource dataSource;

    private SelectionService service(String stream) {
        return new SelectionService(dataSource, new SelectionService.Settings(stream, "selection-service-inputs", ClockMode.MANUAL,
                Duration.ofHours(1), 720, new RewardedSetSizes(1, 1, 3, 0), Decimal.ONE, Map.of()));
    }

    private static List<FixtureEvent> fixture() throws Exception {
        return fixture("/fixtures/selection-log-v1.json");
    }

    private static List<FixtureEvent> fixture(String resource) throws Exception {
        try (InputStream in = LegacyLogTest.class.getResourceAsStream(resource)) {
            return Json.mapper().readValue(in, new TypeReference<List<FixtureEvent>>() { });
        }
    }

    private List<StoredEvent> log(String stream) {
        return Transactions.inTransaction(dataSource, c -> new EventStore().readStream(c, stream));
    }

    private void append(String stream, List<NewEvent> events) {
        Transactions.inTransaction(dataSource, c -> new EventStore().append(c, stream, 0, events));
    }

    @Test
    void aV1LogReplaysVerifiesAndItsHashChainContinuesInV2() throws Exception {
        List<FixtureEvent> fixture = fixture();
        String stream = "legacy-" + UUID.randomUUID();
        // new event ids: the fixture may be imported by other runs into the same database
        append(stream, fixture.stream().map(f -> new NewEvent(UUID.randomUUID(), f.eventType(), f.schemaVersion(), f.payload(),
                f.metadata())).toList());
        assertThat(fixture).filteredOn(f -> f.eventType().equals(SelectionEvents.REWARDED_SET_SELECTED))
                .hasSize(3).allSatisfy(f -> assertThat(f.schemaVersion()).isEqualTo(1));

        SelectionService s = service(stream);
        s.start(T0.plusSeconds(3 * 3600));
        SelectionService.LogVerification replay = s.verifyLog();
        assertThat(replay.firstMismatch()).isEmpty();
        assertThat(replay.selectionsVerified()).isEqualTo(3);

        // the folded sets carry the digests the v1 log published, and each v1 proof decodes to a proof that verifies
        Map<Long, String> published = new TreeMap<>();
        for (FixtureEvent f : fixture) {
            if (f.eventType().equals(IntegrationEvents.RewardedSetSelected.TYPE)) {
                var r = Json.read(f.payload(), IntegrationEvents.RewardedSetSelected.class);
                published.put(r.epochId(), r.proofDigest());
            }
        }
        assertThat(published).containsOnlyKeys(0L, 1L, 2L);
        // the start found a log without its read model and rebuilt the rows from the v1 proofs
        assertThat(Fixtures.proofDigests(dataSource, stream)).isEqualTo(published);
        for (StoredEvent e : log(stream)) {
            if (e.eventType().equals(SelectionEvents.REWARDED_SET_SELECTED)) {
                SelectionProof p = ((EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(e)).proof();
                assertThat(SelectionVerifier.verify(p)).isEqualTo(new SelectionVerifier.Verdict.Verified(p.digest()));
            }
        }
        // GET /v1/epochs/2/selection-proof serves the v1 proof exactly as it was logged
        String loggedV1 = fixture.stream().filter(f -> f.eventType().equals(SelectionEvents.REWARDED_SET_SELECTED)).toList()
                .getLast().payload();
        assertThat(Json.mapper().readTree(Json.write(s.proof(2).orElseThrow())))
                .isEqualTo(Json.mapper().readTree(loggedV1).get("proof"));

        // epoch 3 is selected on top of the v1 log, stored in the v2 form, chained to epoch 2's v1 digest
        s.advance(T0.plusSeconds(3 * 3600), "admin");
        Map<Long, Long> stake = new TreeMap<>();
        Map<Long, String> performance = new TreeMap<>();
        for (long id = 100; id <= 108; id++) {
            stake.put(id, 3_000_000L * (id - 99));
            performance.put(id, "0.9" + (id % 10));
        }
        for (StoredEvent in : List.of(Fixtures.stored(Fixtures.snapshot(2, 2, 1, 3, 1, stake)),
                Fixtures.stored(Fixtures.performance(2, performance)))) {
            Transactions.inTransaction(dataSource, c -> {
                s.onInput(c, in);
                return null;
            });
        }
        StoredEvent v2 = log(stream).stream().filter(e -> e.eventType().equals(SelectionEvents.REWARDED_SET_SELECTED))
                .toList().getLast();
        assertThat(v2.schemaVersion()).isEqualTo(2);
        SelectionProof three = ((EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(v2)).proof();
        assertThat(three.epochId()).isEqualTo(3);
        assertThat(three.seedInput()).isEqualTo(new SeedInput.HashChain(
                new net.nym.tokenomics.selection.domain.selection.Digest(published.get(2L))));
        assertThat(three.candidates()).hasSize(9);
        assertThat(SelectionVerifier.verify(three).verified()).isTrue();

        SelectionService.LogVerification mixed = service(stream).verifyLog();
        assertThat(mixed.firstMismatch()).isEmpty();
        assertThat(mixed.selectionsVerified()).isEqualTo(4);
        SelectionService.ReadView refolded = service(stream).view();
        assertThat(refolded.lastSelected()).isEqualTo(s.view().lastSelected());
        assertThat(refolded.selections()).isEqualTo(s.view().selections()).isEqualTo(4);
        assertThat(Fixtures.proofDigests(dataSource, stream)).containsOnlyKeys(0L, 1L, 2L, 3L)
                .containsEntry(3L, three.digest().hex());

        // a copy in which one weight of the v2 proof is one atom higher (its digest kept): the replay check names epoch 3
        String copy = "legacy-tampered-" + UUID.randomUUID();
        List<NewEvent> tampered = new ArrayList<>();
        for (StoredEvent e : log(stream)) {
            String payload = e.payload();
            if (e.eventId().equals(v2.eventId())) {
                List<Candidate> cs = new ArrayList<>(three.candidates());
                Candidate c = cs.get(4);
                cs.set(4, new Candidate(c.nodeId(), c.owner(), c.roles(), c.stake(), c.saturation(), c.performance(),
                        c.weight().plus(Decimal.parse("0.000000000000000001"))));
                SelectionProof altered = new SelectionProof(three.epochId(), three.seedInput(), three.seed(), three.sizes(),
                        three.stakeSaturationPoint(), cs, three.previousLayers(), three.result(), three.shortfall(), three.digest());
                payload = SelectionEvents.encodeClock(e.eventId(), new EpochClockEvent.RewardedSetSelected(3, altered)).payload();
                assertThat(payload).isNotEqualTo(e.payload());
            }
            tampered.add(new NewEvent(UUID.randomUUID(), e.eventType(), e.schemaVersion(), payload, e.metadata()));
        }
        append(copy, tampered);
        SelectionService.LogVerification bad = service(copy).verifyLog();
        assertThat(bad.firstMismatch()).hasValueSatisfying(m -> assertThat(m).startsWith("epoch 3:").contains("candidates[4].weight"));
        assertThat(bad.selectionsVerified()).isEqualTo(3);
    }

    /** An input as its producer's log holds it, with an id fixed by its place in the scenario (so causation repeats). */
    private static StoredEvent input(int n, Object record) {
        NewEvent e = IntegrationEvents.codec().encode(
                UUID.nameUUIDFromBytes(("selection-log-v2 input " + n).getBytes(StandardCharsets.UTF_8)), record);
        return new StoredEvent(n, n, e.eventId(), "producer-stream", n, e.eventType(), e.schemaVersion(), e.payload(),
                Map.of(), T0);
    }

    /**
     * Registrations before the clock starts (the bootstrap set has candidates), a registration without an owner (an
     * InputRejected), an unbonding, then two epochs selected from packed stake snapshots and performance lists.
     */
    private void writeScenario(SelectionService s) {
        int n = 0;
        List<Object> bonds = new ArrayList<>();
        bonds.add(Fixtures.bonded(200, "n1alice", false, true, true));
        bonds.add(Fixtures.bonded(201, "n1bob", false, true, false));
        bonds.add(Fixtures.bonded(202, "n1carol", true, false, false));
        bonds.add(Fixtures.bonded(203, "n1carol", true, false, false));
        bonds.add(Fixtures.bonded(204, "n1dave", true, true, false));
        bonds.add(Fixtures.bonded(205, "n1erin", true, false, true));
        bonds.add(Fixtures.bonded(206, "n1frank", true, false, false));
        for (Object b : bonds) {
            onInput(s, input(++n, b));
        }
        s.start(T0);
        onInput(s, input(++n, new IntegrationEvents.NodeBonded(207, null, "k", "h", 80,
                new IntegrationEvents.NodeRoles(true, false, false), null, 0)));
        onInput(s, input(++n, new IntegrationEvents.NodeUnbonded(206, 0)));
        for (int e = 0; e < 2; e++) {
            s.advance(T0.plusSeconds(3600L * (e + 1)), "admin");
            Map<Long, Long> stake = new TreeMap<>();
            Map<Long, String> performance = new TreeMap<>();
            for (long id = 200; id <= 205; id++) {
                stake.put(id, 2_000_000L * (id - 199) + 777_777L * e);
                performance.put(id, "0.9" + ((id + e) % 10));
            }
            onInput(s, input(++n, Fixtures.snapshot(e, 1, 1, 3, 1, stake)));
            onInput(s, input(++n, Fixtures.performance(e, performance)));
        }
    }

    private void onInput(SelectionService s, StoredEvent in) {
        Transactions.inTransaction(dataSource, c -> {
            s.onInput(c, in);
            return null;
        });
    }

    @Test
    void todaysLogFoldsToItsDigestsAndIsWrittenAgainEventForEvent() throws Exception {
        List<FixtureEvent> fixture = fixture("/fixtures/selection-log-v2.json");
        Set<String> written = new TreeSet<>();
        fixture.forEach(f -> written.add(f.eventType() + " v" + f.schemaVersion()));
        Set<String> current = new TreeSet<>();
        for (String type : SelectionEvents.codec().types()) {
            if (type.startsWith("selection.") || SelectionEvents.PUBLISHED.contains(type)) {
                current.add(type + " v" + SelectionEvents.codec().schemaVersionOf(type));
            }
        }
        assertThat(written).isEqualTo(current);

        String stream = "today-" + UUID.randomUUID();
        append(stream, fixture.stream().map(f -> new NewEvent(UUID.randomUUID(), f.eventType(), f.schemaVersion(), f.payload(),
                f.metadata())).toList());
        SelectionService replayed = service(stream);
        SelectionService.LogVerification check = replayed.verifyLog();
        assertThat(check.firstMismatch()).isEmpty();
        assertThat(check.selectionsVerified()).isEqualTo(3);
        Map<Long, String> published = new TreeMap<>();
        for (FixtureEvent f : fixture) {
            if (f.eventType().equals(IntegrationEvents.RewardedSetSelected.TYPE)) {
                var r = Json.read(f.payload(), IntegrationEvents.RewardedSetSelected.class);
                published.put(r.epochId(), r.proofDigest());
            }
        }
        assertThat(published).containsOnlyKeys(0L, 1L, 2L);
        assertThat(replayed.rebuildHistory().sets()).isEqualTo(3);
        assertThat(Fixtures.proofDigests(dataSource, stream)).isEqualTo(published);
        assertThat(replayed.view().lastSelected().proofDigest()).isEqualTo(published.get(2L));
        published.forEach((epoch, digest) -> assertThat(replayed.proof(epoch).orElseThrow().digest()).isEqualTo(digest));

        String again = "today-again-" + UUID.randomUUID();
        SelectionService writer = service(again);
        writeScenario(writer);
        List<StoredEvent> rewritten = log(again);
        assertThat(rewritten).hasSameSizeAs(fixture);
        for (int i = 0; i < fixture.size(); i++) {
            FixtureEvent f = fixture.get(i);
            StoredEvent e = rewritten.get(i);
            assertThat(e.eventType() + " v" + e.schemaVersion()).as("event %d", i).isEqualTo(f.eventType() + " v" + f.schemaVersion());
            assertThat(Json.mapper().readTree(e.payload())).as("payload of event %d, %s", i, f.eventType())
                    .isEqualTo(Json.mapper().readTree(f.payload()));
            assertThat(e.metadata()).as("metadata of event %d", i).isEqualTo(f.metadata());
        }
        assertThat(writer.view().lastSelected()).isEqualTo(replayed.view().lastSelected());
        assertThat(writer.view().selections()).isEqualTo(replayed.view().selections());
        // the rows the writer wrote with its events equal the rows rebuilt from the fixture's log
        assertThat(Fixtures.rewardedSetRows(dataSource, again)).isEqualTo(Fixtures.rewardedSetRows(dataSource, stream));
        assertThat(writer.view().clock()).isEqualTo(replayed.view().clock());
    }

}
