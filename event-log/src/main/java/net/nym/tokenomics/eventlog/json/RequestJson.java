package net.nym.tokenomics.eventlog.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * How every service reads a request body: {@link Json}'s configuration, with parser limits sized to requests and
 * strings that PostgreSQL can store. Applied to {@link #mapper()} (for resources that parse bodies themselves) and
 * to Quarkus's own mapper ({@code net.nym.tokenomics.eventlog.quarkus.RequestJsonCustomizer}), so a hostile body is
 * a 400 wherever it arrives. Events and snapshots keep {@link Json#mapper()}: their sizes are the service's own.
 *
 * <p>Every violation is a {@link com.fasterxml.jackson.core.JsonProcessingException}, which the shared mappers answer
 * with 400 {@code malformed_json} and the field's path when there is one.
 */
public final class RequestJson {

    /** Deeper than any request of any service (the deepest is about 5); Jackson's default is 1000. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Amounts are at most 40 digits; Jackson's default is 1000, and a long number costs its square to convert. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longer than any legitimate field; the body caps (2-16 MiB) are the outer bound. */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    private static final ObjectMapper MAPPER = harden(Json.mapper().copy());

    private RequestJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Sets the request limits and the NUL check on {@code mapper} (its factory is changed in place) and returns it. */
    public static ObjectMapper harden(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
        mapper.registerModule(new SimpleModule("request-strings").addDeserializer(String.class, new StorableString()));
        return mapper;
    }

    /** A JSON string as text PostgreSQL can store: {@code text} and {@code jsonb} refuse U+0000. */
    static final class StorableString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null) {
                int nul = value.indexOf('\0');
                if (nul >= 0) {
                    throw InvalidFormatException.from(p, "contains U+0000 (NUL) at position " + nul
                            + ", which cannot be stored", "(" + value.length() + " characters)", String.class);
                }
            }
            return value;
        }
    }
}
