package net.nym.tokenomics.eventlog.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record whose every delivery attempt failed; nothing of it was applied. Its message names the consumer, the
 * record's topic, partition, offset and event id, so the dead-letter record and the log line say what to replay.
 */
public final class UndeliverableRecordException extends RuntimeException {

    private final String topic;
    private final int partition;
    private final long offset;
    private final String eventId;

    UndeliverableRecordException(String consumer, ConsumerRecord<?, ?> record, int attempts, Throwable cause) {
        super("consumer " + consumer + ": " + record.topic() + "-" + record.partition() + "@" + record.offset()
                + " (event " + InboxDelivery.eventIdOf(record) + ") failed " + attempts + " times: " + cause, cause);
        this.topic = record.topic();
        this.partition = record.partition();
        this.offset = record.offset();
        this.eventId = InboxDelivery.eventIdOf(record);
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public String eventId() {
        return eventId;
    }
}
