package net.nym.tokenomics.eventlog.replay;

import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;

import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rebuild's envelope reader agrees with data binding of {@code KafkaEnvelope} and names the record it refuses. */
class EnvelopeDecoderTest {

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("svc.events", 2, 41, null, value);
    }

    private static ConsumerRecord<byte[], byte[]> record(String json) {
        return record(json.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<byte[], byte[]> envelope(StoredEvent e) {
        return record(KafkaEnvelope.toRecord("svc.events", 2, e, 7).value());
    }

    @Test
    void decodesWhatDataBindingDecodesForAwkwardEvents() throws Exception {
        Random random = new Random(5);
        String[] texts = {"", "plain", "quote \" backslash \\ slash /", "tab\tnewline\nCR\r", "é ü 中文 😀", "\u0001\u001f", "{\"not\":\"json\"}"};
        for (int i = 0; i < 500; i++) {
            Map<String, String> meta = new HashMap<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                meta.put(texts[random.nextInt(texts.length)] + k, random.nextInt(5) == 0 ? null : texts[random.nextInt(texts.length)]);
            }
            if (random.nextBoolean()) {
                meta.put(NewEvent.CAUSATION_CONSUMER, "consumer-" + random.nextInt(3));
                meta.put(NewEvent.CAUSATION_ID, UUID.randomUUID().toString());
            }
            String payload = "{\"text\":" + Json.write(texts[random.nextInt(texts.length)]) + ",\"n\":" + random.nextLong()
                    + ",\"d\":1.50,\"list\":[true,null,{}]}";
            Instant at = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 250_000_000_000L), random.nextInt(1_000_000_000))
                    .truncatedTo(random.nextBoolean() ? ChronoUnit.MICROS : ChronoUnit.SECONDS);
            StoredEvent e = new StoredEvent(random.nextLong(1, Long.MAX_VALUE), random.nextLong(1, Long.MAX_VALUE), UUID.randomUUID(),
                    texts[random.nextInt(texts.length)] + "stream", random.nextLong(1, Long.MAX_VALUE), "Type" + texts[i % texts.length],
                    1 + random.nextInt(Integer.MAX_VALUE - 1), payload, meta, at);
            ConsumerRecord<byte[], byte[]> r = envelope(e);

            EnvelopeDecoder.Decoded d = EnvelopeDecoder.decode(r);
            StoredEvent bound = KafkaEnvelope.event(r);
            assertThat(d.eventId()).isEqualTo(bound.eventId());
            assertThat(d.streamId()).isEqualTo(bound.streamId());
            assertThat(d.streamVersion()).isEqualTo(bound.streamVersion());
            assertThat(d.eventType()).isEqualTo(bound.eventType());
            assertThat(d.schemaVersion()).isEqualTo(bound.schemaVersion());
            assertThat(d.payload()).isEqualTo(bound.payload()).isEqualTo(payload);
            assertThat(d.recordedAt()).isEqualTo(bound.recordedAt()).isEqualTo(at);
            Map<String, String> metadata = Json.mapper().readValue(d.metadataJson(), new TypeReference<Map<String, String>>() { });
            assertThat(metadata).isEqualTo(bound.metadata()).isEqualTo(meta);
            if (meta.containsKey(NewEvent.CAUSATION_ID)) {
                assertThat(d.causationConsumer()).isEqualTo(meta.get(NewEvent.CAUSATION_CONSUMER));
                assertThat(d.causationId()).isEqualTo(UUID.fromString(meta.get(NewEvent.CAUSATION_ID)));
            } else {
                assertThat(d.causationConsumer()).isNull();
                assertThat(d.causationId()).isNull();
            }
        }
    }

    @Test
    void readsInstantsExactlyAsInstantParse() {
        Random random = new Random(9);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L), random.nextInt(1_000_000_000));
            String iso = DateTimeFormatter.ISO_INSTANT.format(at);
            // ISO_INSTANT prints 0, 3, 6 or 9 fraction digits; other lengths are valid input too.
            String cut = iso.contains(".") ? iso.substring(0, Math.max(iso.indexOf('.') + 2, iso.length() - 1 - random.nextInt(9))) + "Z" : iso;
            for (String s : new String[] {iso, cut}) {
                assertThat(EnvelopeDecoder.instant(s)).as(s).isEqualTo(Instant.parse(s));
            }
        }
        for (String s : new String[] {"2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00.5Z", "+10000-01-01T00:00:00Z",
                "2026-11-23T10:58:14.123456789Z", "2026-11-23t10:58:14z", "2026-11-23T10:58:14.Z"}) {
            assertThat(EnvelopeDecoder.instant(s)).as(s).isEqualTo(Instant.parse(s));
        }
        for (String s : new String[] {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-23T10:61:00Z",
                "2026-11-23T10:58:14.1234567890Z", "2026-11-23 10:58:14Z", "2026-11-2xT10:58:14Z"}) {
            assertThatThrownBy(() -> EnvelopeDecoder.instant(s)).as(s).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void timestampsBecomePostgresMicrosecondsRoundedHalfToEven() {
        assertThat(BinaryCopyRows.pgMicros(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
        assertThat(BinaryCopyRows.pgMicros(Instant.parse("1999-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(BinaryCopyRows.pgMicros(Instant.parse("2000-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002);
        assertThat(BinaryCopyRows.pgMicros(Instant.parse("2000-01-01T00:00:00.0000005Z"))).isZero();
        assertThat(BinaryCopyRows.pgMicros(Instant.parse("2000-01-01T00:00:00.0000015Z"))).isEqualTo(2);
        assertThat(BinaryCopyRows.pgMicros(Instant.parse("2000-01-01T00:00:00.0000014Z"))).isEqualTo(1);
        assertThat(BinaryCopyRows.pgMicros(Instant.parse("1970-01-01T00:00:00Z"))).isEqualTo(-946_684_800_000_000L);
    }

    private static final String GOOD = "{\"event_id\":\"5f0c1d9e-8a55-4d8f-9a43-5d1f2c3b4a59\",\"event_type\":\"T\",\"global_position\":1,"
            + "\"metadata\":{},\"payload\":\"{}\",\"recorded_at\":\"2026-11-23T10:58:14.123456Z\",\"schema_version\":1,"
            + "\"stream_id\":\"s\",\"stream_version\":1,\"transaction_id\":1}";

    @Test
    void theWellFormedEnvelopeOfTheseTestsDecodes() {
        assertThat(EnvelopeDecoder.decode(record(GOOD)).eventType()).isEqualTo("T");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json|not an event envelope",
            "[1,2]|it is not a JSON object",
            "{\"event_id\":\"x\"}|event_id 'x' is not a UUID",
            "GOOD,\"extra\":1}|unknown field 'extra'",
            "GOOD}{}|trailing content",
            "{\"event_type\":\"T\"}|field 'event_id' is missing",
            "\"payload\":\"{}\",>|field 'payload' is missing",
            "\"stream_version\":1,>|field 'stream_version' is missing",
            "\"payload\":\"{}\">\"payload\":{}|payload is not a string but START_OBJECT",
            "\"stream_version\":1>\"stream_version\":\"1\"|stream_version is not an integer",
            "\"schema_version\":1>\"schema_version\":4294967296|schema_version 4294967296 is out of range",
            "\"metadata\":{}>\"metadata\":[]|metadata is not a JSON object",
            "\"metadata\":{}>\"metadata\":{\"a\":{}}|metadata 'a' is not a string",
            "\"metadata\":{}>\"metadata\":{\"causation_consumer\":\"c\",\"causation_id\":\"nope\"}|causation_id 'nope' is not a UUID",
            "\"recorded_at\":\"2026-11-23T10:58:14.123456Z\">\"recorded_at\":\"yesterday\"|recorded_at 'yesterday' is not an ISO-8601 instant",
    })
    void aMalformedEnvelopeIsRefusedNamingTheRecordAndTheFault(String testCase) {
        String[] parts = testCase.split("\\|");
        String spec = parts[0];
        String json;
        if (spec.startsWith("GOOD")) {
            json = GOOD.substring(0, GOOD.length() - 1) + spec.substring("GOOD".length());
        } else if (spec.contains(">")) {
            String[] edit = spec.split(">", -1);
            assertThat(GOOD).contains(edit[0]);
            json = GOOD.replace(edit[0], edit[1]);
        } else {
            json = spec;
        }
        assertThatThrownBy(() -> EnvelopeDecoder.decode(record(json)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("record svc.events-2@41 is not an event envelope")
                .hasMessageContaining(parts[1]);
    }

    @Test
    void aRecordWithoutValueIsNamed() {
        assertThatThrownBy(() -> EnvelopeDecoder.decode(record((byte[]) null)))
                .hasMessage("record svc.events-2@41 is not an event envelope: it has no value");
    }
}
