package net.nym.tokenomics.eventlog.store;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An event as recorded in a service's log, and (as JSON) the envelope published to Kafka.
 * {@code (transactionId, globalPosition)} is the log's total order: the order the relay publishes in.
 */
public record StoredEvent(
        long globalPosition,
        long transactionId,
        UUID eventId,
        String streamId,
        long streamVersion,
        String eventType,
        int schemaVersion,
        String payload,
        Map<String, String> metadata,
        Instant recordedAt) {

    public LogPosition position() {
        return new LogPosition(transactionId, globalPosition);
    }

    /** Where this event is, for error messages. */
    public String describe() {
        return "event " + eventId + " (" + eventType + " v" + schemaVersion + ", stream " + streamId + " version "
                + streamVersion + ", position " + globalPosition + ")";
    }
}
