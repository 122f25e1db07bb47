package net.nym.tokenomics.eventlog.relay;

import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.StoredEvent;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How a logged event travels on Kafka: key = stream id (per-stream order), value = the {@link StoredEvent} as JSON,
 * headers {@code event-id}, {@code event-type} and {@code log-seq} (the publication sequence number: the log's order,
 * used to merge partitions back together on a rebuild).
 */
public final class KafkaEnvelope {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String LOG_SEQ = "log-seq";

    private KafkaEnvelope() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, int partition, StoredEvent event, long publicationSeq) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.US_ASCII));
        headers.add(EVENT_TYPE, event.eventType().getBytes(StandardCharsets.UTF_8));
        headers.add(LOG_SEQ, ByteBuffer.allocate(8).putLong(publicationSeq).array());
        return new ProducerRecord<>(topic, partition, event.streamId(), Json.writeBytes(event), headers);
    }

    public static StoredEvent event(ConsumerRecord<?, byte[]> record) {
        try {
            return Json.read(record.value(), StoredEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " is not an event envelope: " + e.getMessage(), e);
        }
    }

    public static UUID eventId(ConsumerRecord<?, ?> record) {
        Header h = record.headers().lastHeader(EVENT_ID);
        return h == null ? null : UUID.fromString(new String(h.value(), StandardCharsets.US_ASCII));
    }

    public static long publicationSeq(ConsumerRecord<?, ?> record) {
        Header h = record.headers().lastHeader(LOG_SEQ);
        if (h == null || h.value().length != 8) {
            throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " has no log-seq header");
        }
        return ByteBuffer.wrap(h.value()).getLong();
    }
}
