package net.nym.tokenomics.eventlog.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.nym.tokenomics.eventlog.json.Json;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one event codec: maps event records to (type name, schema version, JSON payload) and back, for every event a
 * service stores in its log (its domain events, the inputs it records, the integration events it publishes).
 *
 * <ul>
 *   <li><b>Names.</b> A service's domain events are named {@code <prefix><RecordName>}, with one prefix per service
 *       ({@link #domain}); recorded inputs and integration events keep the names of their own registrations. Names
 *       already in logs are never changed.</li>
 *   <li><b>Versions.</b> Each type has a current schema version, written on encode. A type may be stored in a form
 *       other than its record ({@link #registerForm}: packed columns, compact runs); older schema versions still in
 *       logs are read through an upcaster from their own stored form ({@link #readsOlder}); a type name replaced by
 *       another is still read, into the new type's record ({@link #readsRetired}).</li>
 *   <li><b>Errors.</b> Decoding an unknown type, a version newer than the current one, or a payload that does not fit
 *       fails with an {@link EventDecodingException} naming the event, so a replay stops at the bad event instead of
 *       skipping it.</li>
 * </ul>
 */
public final class EventCodec {

    /** How one schema version of a type is read: its stored form and the conversion to the record. */
    private record Reader(Class<?> storedForm, Function<Object, Object> toValue) {
    }

    /** {@code javaType} and {@code toStored} are null for a retired type ({@link #readsRetired}): read, never written. */
    private record Registration(String type, int schemaVersion, Class<?> javaType, Function<Object, Object> toStored,
                                Map<Integer, Reader> readers) {
    }

    private final ObjectMapper mapper;
    private final Map<String, Registration> byType = new TreeMap<>();
    private final Map<Class<?>, Registration> byClass = new HashMap<>();

    public EventCodec() {
        this(Json.mapper());
    }

    /** @param mapper the JSON mapping of this codec's records (e.g. a copy of {@link Json#mapper()} with mixins) */
    public EventCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Registers a type stored as its record's JSON, at schema version {@code schemaVersion}. */
    public EventCodec register(String type, int schemaVersion, Class<?> javaType) {
        return add(type, schemaVersion, javaType, Function.identity(), javaType, Function.identity());
    }

    /**
     * Registers a type stored in another form at its current schema version: {@code toStored} on encode,
     * {@code fromStored} on decode.
     */
    @SuppressWarnings("unchecked")
    public <T, F> EventCodec registerForm(String type, int schemaVersion, Class<T> javaType, Class<F> storedForm,
                                          Function<? super T, ? extends F> toStored, Function<? super F, ? extends T> fromStored) {
        return add(type, schemaVersion, javaType, v -> toStored.apply((T) v), storedForm, f -> fromStored.apply((F) f));
    }

    /** Registers every permitted record of a sealed domain type as {@code prefix + SimpleName}, at one version. */
    public EventCodec domain(String prefix, int schemaVersion, Class<?> sealedType) {
        Class<?>[] permitted = sealedType.getPermittedSubclasses();
        if (permitted == null) {
            throw new IllegalArgumentException(sealedType.getName() + " is not sealed");
        }
        for (Class<?> c : permitted) {
            register(prefix + c.getSimpleName(), schemaVersion, c);
        }
        return this;
    }

    /** An older schema version of a registered type, read from its own stored form and upcast to the record. */
    @SuppressWarnings("unchecked")
    public <F> EventCodec readsOlder(String type, int schemaVersion, Class<F> storedForm, Function<? super F, ?> upcast) {
        Registration r = byType.get(type);
        if (r == null) {
            throw new IllegalArgumentException("register '" + type + "' before its older versions");
        }
        if (schemaVersion >= r.schemaVersion() || r.readers().putIfAbsent(schemaVersion,
                new Reader(storedForm, f -> upcast.apply((F) f))) != null) {
            throw new IllegalArgumentException("'" + type + "' v" + schemaVersion + ": an older version, registered once");
        }
        return this;
    }

    /**
     * A type name no longer written but still in logs (a stored form that a new type replaced), read at its schema
     * version through {@code toValue} into a record registered under the new name. Encoding never produces it.
     */
    @SuppressWarnings("unchecked")
    public <F> EventCodec readsRetired(String type, int schemaVersion, Class<F> storedForm, Function<? super F, ?> toValue) {
        Map<Integer, Reader> readers = new HashMap<>();
        readers.put(schemaVersion, new Reader(storedForm, f -> toValue.apply((F) f)));
        put(new Registration(type, schemaVersion, null, null, readers));
        return this;
    }

    /** Adds every registration of {@code other} (e.g. the integration contracts), which keep that codec's mapping. */
    public EventCodec include(EventCodec other) {
        for (Registration r : other.byType.values()) {
            Map<Integer, Reader> readers = new HashMap<>(r.readers());
            put(new Registration(r.type(), r.schemaVersion(), r.javaType(), r.toStored(), readers));
        }
        return this;
    }

    private EventCodec add(String type, int schemaVersion, Class<?> javaType, Function<Object, Object> toStored,
                           Class<?> storedForm, Function<Object, Object> fromStored) {
        Objects.requireNonNull(type);
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema versions start at 1");
        }
        Map<Integer, Reader> readers = new HashMap<>();
        readers.put(schemaVersion, new Reader(storedForm, fromStored));
        put(new Registration(type, schemaVersion, javaType, toStored, readers));
        return this;
    }

    private void put(Registration r) {
        if (byType.putIfAbsent(r.type(), r) != null) {
            throw new IllegalArgumentException("event type '" + r.type() + "' registered twice");
        }
        if (r.javaType() != null && byClass.putIfAbsent(r.javaType(), r) != null) {
            throw new IllegalArgumentException(r.javaType().getName() + " registered under two type names");
        }
    }

    public String typeOf(Class<?> javaType) {
        return registration(javaType).type();
    }

    public int schemaVersionOf(String type) {
        Registration r = byType.get(type);
        if (r == null) {
            throw new IllegalArgumentException("'" + type + "' is not a registered event type");
        }
        return r.schemaVersion();
    }

    private Registration registration(Class<?> javaType) {
        Registration r = byClass.get(javaType);
        if (r == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not a registered event type");
        }
        return r;
    }

    /** The event as it is appended: its type, current schema version and JSON, no metadata. */
    public NewEvent encode(UUID eventId, Object event) {
        Registration r = registration(event.getClass());
        try {
            return new NewEvent(eventId, r.type(), r.schemaVersion(), mapper.writeValueAsString(r.toStored().apply(event)), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + r.type() + ": " + e.getOriginalMessage(), e);
        }
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
        // a version below the current one without an upcaster of its own was written in the current form
        Reader reader = r.readers().getOrDefault(event.schemaVersion(), r.readers().get(r.schemaVersion()));
        try {
            return reader.toValue().apply(mapper.readValue(event.payload(), reader.storedForm()));
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

    /** The registered type names, sorted. */
    public java.util.SortedSet<String> types() {
        return new java.util.TreeSet<>(byType.keySet());
    }
}
