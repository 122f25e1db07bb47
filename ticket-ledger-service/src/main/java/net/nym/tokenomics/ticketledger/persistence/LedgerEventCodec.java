package net.nym.tokenomics.ticketledger.persistence;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ledger's event codec: its domain events and the integration records it publishes into the same stream. The
 * domain records are stored as they are, with four persistence choices made here rather than in the domain: serials
 * and identity keys are plain Base58 strings, a ticket outcome carries its kind in an {@code "outcome"} property, a
 * batch's accepted tickets are written as compact runs (schema 2, {@link CompactBatch}; schema 1, one object per
 * outcome, is still read), and the domain's epoch-close fact is named {@code LedgerEpochClosed} so it never clashes
 * with the integration contract {@code EpochUsageClosed} that shares the log and the topic. These names predate the
 * {@code <prefix><RecordName>} rule and are in logs, so they stay.
 */
public final class LedgerEventCodec {

    public static final String TICKET_BATCH_REDEEMED = "TicketBatchRedeemed";
    public static final String LEDGER_EPOCH_CLOSED = "LedgerEpochClosed";
    public static final String SERIALS_EXPIRED = "SerialsExpired";
    public static final String GATEWAY_REGISTRY_UPDATED = "GatewayRegistryUpdated";

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = TicketOutcome.Accepted.class, name = "accepted"),
            @JsonSubTypes.Type(value = TicketOutcome.Replayed.class, name = "replayed"),
            @JsonSubTypes.Type(value = TicketOutcome.DoubleSpend.class, name = "double_spend"),
            @JsonSubTypes.Type(value = TicketOutcome.Invalid.class, name = "invalid")})
    interface TicketOutcomeMixin {
        @JsonIgnore
        TicketOutcome.Status status();
    }

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .addMixIn(TicketOutcome.class, TicketOutcomeMixin.class)
            .registerModule(new SimpleModule("ticket-ledger-values")
                    .addSerializer(GatewayIdentity.class, asString(GatewayIdentity::base58))
                    .addDeserializer(GatewayIdentity.class, fromString(GatewayIdentity::new))
                    .addSerializer(TicketSerial.class, asString(TicketSerial::base58))
                    .addDeserializer(TicketSerial.class, fromString(TicketSerial::new)));

    private static final EventCodec CODEC = new EventCodec(MAPPER)
            .registerForm(TICKET_BATCH_REDEEMED, 2, LedgerEvent.TicketBatchRedeemed.class, CompactBatch.class,
                    CompactBatch::of, CompactBatch::expand)
            // schema 1 stored the record itself
            .readsOlder(TICKET_BATCH_REDEEMED, 1, LedgerEvent.TicketBatchRedeemed.class, batch -> batch)
            .register(LEDGER_EPOCH_CLOSED, 1, LedgerEvent.EpochUsageClosed.class)
            .register(SERIALS_EXPIRED, 1, LedgerEvent.SerialsExpired.class)
            .register(GATEWAY_REGISTRY_UPDATED, 1, LedgerEvent.GatewayRegistryUpdated.class)
            .include(IntegrationEvents.codec());

    private LedgerEventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static EventCodec codec() {
        return CODEC;
    }

    /** A domain event or an integration record, at its type's current schema version. */
    public static NewEvent encode(UUID eventId, Object event) {
        return CODEC.encode(eventId, event);
    }

    /** A domain event, or an integration record this service published; anything else in the stream is an error. */
    public static Object decode(StoredEvent stored) {
        return CODEC.decode(stored);
    }

    private static <T> JsonSerializer<T> asString(Function<T, String> text) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(text.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> fromString(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    return ctxt.reportInputMismatch(this, "%s", e.getMessage());
                }
            }
        };
    }
}
