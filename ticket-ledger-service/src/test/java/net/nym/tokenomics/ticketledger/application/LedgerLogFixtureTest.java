package net.nym.tokenomics.ticketledger.application;

import com.fasterxml.jackson.databind.JsonNode;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.ticketledger.persistence.LedgerEventCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * {@code fixtures/ticket-ledger-log.jsonl} is a ledger stream as the code before the shared event codec wrote it —
 * every event type, batches in schema 1 and schema 2, the published {@code EpochUsageClosed} records — and
 * {@code .expected.json} the state digest, close-digest chain and index size that code computed for it. Today's fold
 * must give exactly those, and so must the same facts written by today's codec (read back, or applied as appended).
 */
class LedgerLogFixtureTest {

    private static final Instant AT = Instant.parse("2026-05-16T12:00:00Z");
    private static List<StoredEvent> log;
    private static JsonNode expected;

    @BeforeAll
    static void load() throws IOException {
        log = new ArrayList<>();
        for (String line : resource("ticket-ledger-log.jsonl").split("\n")) {
            JsonNode e = Json.mapper().readTree(line);
            long v = log.size() + 1;
            log.add(new StoredEvent(v, 1, UUID.fromString(e.get("event_id").asText()), LedgerView.STREAM, v,
                    e.get("event_type").asText(), e.get("schema_version").asInt(), e.get("payload").asText(), Map.of(), AT));
        }
        expected = Json.mapper().readTree(resource("ticket-ledger-log.expected.json"));
    }

    @Test
    void theFixtureHoldsEverySchemaVersionInUse() {
        Set<String> kinds = new TreeSet<>();
        log.forEach(e -> kinds.add(e.eventType() + " v" + e.schemaVersion()));
        assertThat(kinds).containsExactlyInAnyOrder("TicketBatchRedeemed v1", "TicketBatchRedeemed v2",
                "LedgerEpochClosed v1", "SerialsExpired v1", "GatewayRegistryUpdated v1", "EpochUsageClosed v1");
        assertThat(LedgerEventCodec.codec().schemaVersionOf(LedgerEventCodec.TICKET_BATCH_REDEEMED)).isEqualTo(2);
        assertThat(LedgerEventCodec.codec().schemaVersionOf(IntegrationEvents.EpochUsageClosed.TYPE)).isEqualTo(1);
    }

    @Test
    void yesterdaysLogFoldsToTheDigestsItWasWrittenWith() {
        assertMatchesExpected(fold(log));
    }

    @Test
    void theSameFactsWrittenTodayFoldToTheSameStateAndOnlySchemaOneBatchesChangeTheirBytes() {
        List<StoredEvent> rewritten = new ArrayList<>();
        LedgerFold appended = LedgerFold.EVOLVER.empty();
        for (StoredEvent old : log) {
            Object decoded = LedgerEventCodec.decode(old);
            NewEvent now = LedgerEventCodec.encode(old.eventId(), decoded);
            if (old.schemaVersion() == LedgerEventCodec.codec().schemaVersionOf(old.eventType())) {
                assertThat(now.payload()).as(old.describe()).isEqualTo(old.payload());
            }
            assertThat(now.schemaVersion()).isEqualTo(LedgerEventCodec.codec().schemaVersionOf(old.eventType()));
            rewritten.add(new StoredEvent(old.globalPosition(), 1, old.eventId(), LedgerView.STREAM, old.streamVersion(),
                    now.eventType(), now.schemaVersion(), now.payload(), Map.of(), AT));
            LedgerFold.EVOLVER.appended(appended, old.streamVersion(), new Decision.Pending(now, decoded));
        }
        assertMatchesExpected(fold(rewritten));
        assertMatchesExpected(appended);
    }

    private static LedgerFold fold(List<StoredEvent> events) {
        LedgerFold fold = LedgerFold.EVOLVER.empty();
        events.forEach(e -> LedgerFold.EVOLVER.fromLog(fold, e));
        return fold;
    }

    private static void assertMatchesExpected(LedgerFold fold) {
        assertThat(StateDigest.of(fold.state().canonicalView())).isEqualTo(expected.get("state_digest").asText());
        assertThat(fold.state().indexedSerials()).isEqualTo(expected.get("indexed_serials").asInt());
        TreeMap<Long, String> closes = new TreeMap<>();
        expected.get("close_digests").properties().forEach(e -> closes.put(Long.parseLong(e.getKey()), e.getValue().asText()));
        // Each close's replayed digest was checked against the record published with it, and the chain ends at the last.
        assertThat(fold.firstDigestMismatch()).isNull();
        assertThat(fold.lastCloseDigest()).isEqualTo(closes.lastEntry().getValue());
        assertThat(publishedCloseDigests()).isEqualTo(closes);
        assertThat(fold.version()).isEqualTo(log.size());
    }

    /** The digests the fixture log's EpochUsageClosed records carry, by epoch. */
    private static Map<Long, String> publishedCloseDigests() {
        Map<Long, String> out = new TreeMap<>();
        for (StoredEvent e : log) {
            if (LedgerEventCodec.decode(e) instanceof IntegrationEvents.EpochUsageClosed published) {
                out.put(published.epochId(), published.stateDigest());
            }
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LedgerLogFixtureTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
