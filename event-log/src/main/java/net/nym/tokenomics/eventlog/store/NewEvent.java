package net.nym.tokenomics.eventlog.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An event to append: its id (chosen by the caller, so a retried command appends the same id and the store refuses
 * the duplicate), type name, schema version, JSON payload and string metadata (e.g. causation, correlation).
 */
public record NewEvent(UUID eventId, String eventType, int schemaVersion, String payload, Map<String, String> metadata) {

    public static final String CAUSATION_ID = "causation_id";
    public static final String CAUSATION_CONSUMER = "causation_consumer";

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1");
        }
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** Marks the event as the effect of an input event consumed by {@code consumer}, so an import can rebuild the inbox. */
    public NewEvent causedBy(String consumer, UUID inputEventId) {
        Map<String, String> m = new TreeMap<>(metadata);
        m.put(CAUSATION_CONSUMER, consumer);
        m.put(CAUSATION_ID, inputEventId.toString());
        return new NewEvent(eventId, eventType, schemaVersion, payload, m);
    }
}
