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
import net.nym.tokenomics.eventlog.store.EventDecodingException;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * JSON of the ledger's domain events in its log. The domain records are stored as they are, with four persistence
 * choices made here rather than in the domain: serials and identity keys are plain Base58 strings, a ticket outcome
 * carries its kind in an {@code "outcome"} property, a batch's accepted tickets are written as compact runs (schema 2,
 * {@link CompactBatch}; schema 1, one object per outcome, still decodes), and the domain's epoch-close fact is named
 * {@code LedgerEpochClosed} so it never clashes with the integration contract {@code EpochUsageClosed} that shares the
 * log and the topic.
 */
public final class LedgerEventCodec {

    public static final int SCHEMA_VERSION = 1;
    /** {@code TicketBatchRedeemed} is written in schema 2 ({@link CompactBatch}); schema 1 still decodes. */
    public static final int BATCH_SCHEMA_VERSION = 2;
    public static final String TICKET_BATCH_REDEEMED = "TicketBatchRedeemed";
    public static final String LEDGER_EPOCH_CLOSED = "LedgerEpochClosed";
    public static final String SERIALS_EXPIRED = "SerialsExpired";
    public static final String GATEWAY_REGISTRY_UPDATED = "GatewayRegistryUpdated";

    private static final Map<String, Class<? extends LedgerEvent>> TYPES = Map.of(
            TICKET_BATCH_REDEEMED, LedgerEvent.TicketBatchRedeemed.class,
            LEDGER_EPOCH_CLOSED, LedgerEvent.EpochUsageClosed.class,
            SERIALS_EXPIRED, LedgerEvent.SerialsExpired.class,
            GATEWAY_REGISTRY_UPDATED, LedgerEvent.GatewayRegistryUpdated.class);

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

    private static final EventCodec INTEGRATION = IntegrationEvents.codec();

    private LedgerEventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static NewEvent encode(UUID eventId, LedgerEvent event) {
        String type = switch (event) {
            case LedgerEvent.TicketBatchRedeemed e -> TICKET_BATCH_REDEEMED;
            case LedgerEvent.EpochUsageClosed e -> LEDGER_EPOCH_CLOSED;
            case LedgerEvent.SerialsExpired e -> SERIALS_EXPIRED;
            case LedgerEvent.GatewayRegistryUpdated e -> GATEWAY_REGISTRY_UPDATED;
        };
        try {
            if (event instanceof LedgerEvent.TicketBatchRedeemed batch) {
                return new NewEvent(eventId, type, BATCH_SCHEMA_VERSION, MAPPER.writeValueAsString(CompactBatch.of(batch)),
                        Map.of());
            }
            return new NewEvent(eventId, type, SCHEMA_VERSION, MAPPER.writeValueAsString(event), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + type + ": " + e.getMessage(), e);
        }
    }

    /** A batch as schema 1 wrote it (one object per outcome): what logs written before schema 2 hold. */
    static NewEvent encodeBatchSchema1(UUID eventId, LedgerEvent.TicketBatchRedeemed batch) {
        try {
            return new NewEvent(eventId, TICKET_BATCH_REDEEMED, SCHEMA_VERSION, MAPPER.writeValueAsString(batch), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + TICKET_BATCH_REDEEMED + ": " + e.getMessage(), e);
        }
    }

    public static NewEvent encodeIntegration(UUID eventId, Object contract) {
        return INTEGRATION.encode(eventId, contract);
    }

    /** A domain event, or an integration record this service published; anything else in the stream is an error. */
    public static Object decode(StoredEvent stored) {
        Class<? extends LedgerEvent> type = TYPES.get(stored.eventType());
        if (type == null) {
            return INTEGRATION.decode(stored);
        }
        int newest = type == LedgerEvent.TicketBatchRedeemed.class ? BATCH_SCHEMA_VERSION : SCHEMA_VERSION;
        if (stored.schemaVersion() > newest) {
            throw new EventDecodingException(stored, "schema version " + stored.schemaVersion() + " is newer than "
                    + newest, null);
        }
        try {
            if (type == LedgerEvent.TicketBatchRedeemed.class && stored.schemaVersion() == BATCH_SCHEMA_VERSION) {
                return MAPPER.readValue(stored.payload(), CompactBatch.class).expand();
            }
            return MAPPER.readValue(stored.payload(), type);
        } catch (IOException | RuntimeException e) {
            throw new EventDecodingException(stored, "malformed payload: " + e.getMessage(), e);
        }
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
