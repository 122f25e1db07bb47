package net.nym.tokenomics.eventlog.store;

import net.nym.tokenomics.eventlog.json.Json;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Maps event records to (type name, schema version, JSON payload) and back. A service registers every event type it
 * stores; decoding an event whose type is not registered, or whose payload does not fit the record, fails with an
 * {@link EventDecodingException} naming the event, so a replay stops at the bad event instead of skipping it.
 */
public final class EventCodec {

    private record Registration(String type, int schemaVersion, Class<?> javaType) { }

    private final Map<String, Registration> byType = new TreeMap<>();
    private final Map<Class<?>, Registration> byClass = new java.util.HashMap<>();

    public EventCodec register(String type, int schemaVersion, Class<?> javaType) {
        Objects.requireNonNull(type);
        Registration r = new Registration(type, schemaVersion, javaType);
        if (byType.putIfAbsent(type, r) != null) {
            throw new IllegalArgumentException("event type '" + type + "' registered twice");
        }
        byClass.put(javaType, r);
        return this;
    }

    public String typeOf(Class<?> javaType) {
        Registration r = byClass.get(javaType);
        if (r == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not a registered event type");
        }
        return r.type();
    }

    public NewEvent encode(UUID eventId, Object event) {
        Registration r = byClass.get(event.getClass());
        if (r == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a registered event type");
        }
        return new NewEvent(eventId, r.type(), r.schemaVersion(), Json.write(event), Map.of());
    }

    public Object decode(StoredEvent event) {
        Registration r = byType.get(event.eventType());
        if (r == null) {
            throw new EventDecodingException(event, "unknown event type '" + event.eventType() + "'", null);
        }
        if (event.schemaVersion() > r.schemaVersion()) {
            throw new EventDecodingException(event, "schema version " + event.schemaVersion()
                    + " is newer than the supported " + r.schemaVersion(), null);
        }
        try {
            return Json.read(event.payload(), r.javaType());
        } catch (Exception e) {
            throw new EventDecodingException(event, "malformed payload: " + e.getMessage(), e);
        }
    }

    public <T> T decode(StoredEvent event, Class<T> expected) {
        return expected.cast(decode(event));
    }

    public boolean knows(String type) {
        return byType.containsKey(type);
    }
}
