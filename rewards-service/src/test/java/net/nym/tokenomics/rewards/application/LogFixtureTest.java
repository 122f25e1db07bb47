package net.nym.tokenomics.rewards.application;

import com.fasterxml.jackson.databind.JsonNode;
import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import net.nym.tokenomics.rewards.persistence.LedgerLog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A log written by the codec of before issue 13 ({@code fixtures/rewards-log-v1.jsonl}: every domain event type the
 * commands produce, the four recorded inputs and the integration events published with them, generated once and never
 * rewritten) still decodes and folds to the state and digests recorded beside it ({@code rewards-log-v1.expected}).
 */
class LogFixtureTest {

    private static List<StoredEvent> fixture() throws IOException {
        List<StoredEvent> out = new ArrayList<>();
        try (InputStream in = LogFixtureTest.class.getResourceAsStream("/fixtures/rewards-log-v1.jsonl")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            long position = 0;
            for (String line : lines) {
                JsonNode n = Json.mapper().readTree(line);
                position++;
                out.add(new StoredEvent(position, position, UUID.fromString(n.get("event_id").asText()), n.get("stream").asText(),
                        n.get("version").asLong(), n.get("type").asText(), n.get("schema_version").asInt(),
                        n.get("payload").asText(), Map.of(), Instant.EPOCH));
            }
        }
        return out;
    }

    private static Properties expected() throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(LogFixtureTest.class.getResourceAsStream("/fixtures/rewards-log-v1.expected"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void todaysLogFoldsToTheRecordedDigests() throws IOException {
        List<StoredEvent> log = fixture();
        Properties expected = expected();
        LedgerEventCodec codec = new LedgerEventCodec();
        StreamFold.Evolver<LedgerView> ledger = LedgerView.evolver(codec, LedgerView::new);
        StreamFold.Evolver<PendingInputs> pending = PendingInputs.evolver(codec, () -> Long.MIN_VALUE);
        LedgerView view = ledger.empty();
        PendingInputs inputs = pending.empty();
        TreeSet<String> types = new TreeSet<>();
        int recorded = 0;
        for (StoredEvent e : log) {
            types.add(e.eventType());
            if (LedgerLog.INPUTS.equals(e.streamId())) {
                pending.fromLog(inputs, e);
                recorded++;
            } else {
                ledger.fromLog(view, e);
            }
            // today's encoding of the decoded record is the stored payload, byte for byte
            assertThat(codec.encode(e.eventId(), codec.decode(e)).payload()).as(e.describe()).isEqualTo(e.payload());
            assertThat(codec.encode(e.eventId(), codec.decode(e)).schemaVersion()).isEqualTo(e.schemaVersion());
        }
        assertThat(log).hasSize(Integer.parseInt(expected.getProperty("events")));
        assertThat(String.join(",", types)).isEqualTo(expected.getProperty("types"));
        assertThat(recorded).isEqualTo(12);
        assertThat(inputs.of(0).complete()).isTrue();
        assertThat(view.firstDigestMismatch()).isNull();
        assertThat(view.publishedDigests()).hasSize(40);
        assertThat(view.ledger().globals().currentEpoch()).isEqualTo(Long.parseLong(expected.getProperty("current_epoch")));
        assertThat(view.currentDigest()).isEqualTo(expected.getProperty("state_digest"));
        assertThat(StateDigest.of(new TreeMap<>(view.ledger().canonicalView()))).isEqualTo(expected.getProperty("full_digest"));
        assertThat(view.registry()).isNotEmpty();
    }
}
