package net.nym.tokenomics.rewards.persistence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.PendingEpochEvent;
import net.nym.tokenomics.rewards.domain.PendingIntervalEvent;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;

import java.util.UUID;

/**
 * The rewards log's event types, of three kinds:
 * <ul>
 *   <li>domain events ({@link LedgerEvent}), type {@code ledger.<SimpleName>} (prefixed so that no domain type is
 *       mistaken for an integration type of the same name by a consumer of the topic);</li>
 *   <li>recorded epoch inputs ({@link RecordedInput}), type {@code input.<IntegrationType>}, in the {@code epoch-inputs} stream;</li>
 *   <li>integration events ({@link IntegrationEvents}), with their contract type names.</li>
 * </ul>
 * All three are registrations of the one {@link EventCodec}, at schema version 1; the integration events come from
 * {@link IntegrationEvents#codec()} (the mixins touch no integration record, so their JSON is the contract's). Domain
 * records with sealed members get Jackson type ids through mixins on a copy of {@link Json#mapper()}, so the domain
 * itself carries no annotations.
 */
public final class LedgerEventCodec {

    public static final int VERSION = 1;
    public static final String DOMAIN_PREFIX = "ledger.";

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = LedgerEvent.NodeRewarded.class, name = "rewarded"),
            @JsonSubTypes.Type(value = LedgerEvent.NodeIdle.class, name = "idle"),
            @JsonSubTypes.Type(value = LedgerEvent.NodeNotRewardable.class, name = "not_rewardable")})
    private interface NodeEpochResultMixin { }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = PendingEpochEvent.DelegationRequest.class, name = "delegate"),
            @JsonSubTypes.Type(value = PendingEpochEvent.UndelegationRequest.class, name = "undelegate"),
            @JsonSubTypes.Type(value = PendingEpochEvent.PledgeIncrease.class, name = "pledge_more"),
            @JsonSubTypes.Type(value = PendingEpochEvent.PledgeDecrease.class, name = "decrease_pledge"),
            @JsonSubTypes.Type(value = PendingEpochEvent.UnbondRequest.class, name = "unbond"),
            @JsonSubTypes.Type(value = PendingEpochEvent.ActiveSetChange.class, name = "active_set")})
    private interface PendingEpochEventMixin { }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = PendingIntervalEvent.CostParamsChange.class, name = "cost_params"),
            @JsonSubTypes.Type(value = PendingIntervalEvent.RewardingParamsChange.class, name = "rewarding_params"),
            @JsonSubTypes.Type(value = PendingIntervalEvent.IntervalConfigChange.class, name = "interval_config")})
    private interface PendingIntervalEventMixin { }

    /** {@code isEmpty()} is a query, not a field. */
    @JsonIgnoreProperties(value = "empty")
    private interface RewardingParamsUpdateMixin { }

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .addMixIn(LedgerEvent.NodeEpochResult.class, NodeEpochResultMixin.class)
            .addMixIn(PendingEpochEvent.class, PendingEpochEventMixin.class)
            .addMixIn(PendingIntervalEvent.class, PendingIntervalEventMixin.class)
            .addMixIn(RewardingParamsUpdate.class, RewardingParamsUpdateMixin.class);

    private static final EventCodec CODEC = new EventCodec(MAPPER)
            .domain(DOMAIN_PREFIX, VERSION, LedgerEvent.class)
            .register(RecordedInput.EpochEndedRecorded.TYPE, VERSION, RecordedInput.EpochEndedRecorded.class)
            .register(RecordedInput.RewardedSetRecorded.TYPE, VERSION, RecordedInput.RewardedSetRecorded.class)
            .register(RecordedInput.PerformanceRecorded.TYPE, VERSION, RecordedInput.PerformanceRecorded.class)
            .register(RecordedInput.UsageRecorded.TYPE, VERSION, RecordedInput.UsageRecorded.class)
            .include(IntegrationEvents.codec());

    /** The log's JSON configuration (canonical, with the domain's type ids), for snapshots of the folded state. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The one codec of the rewards log. */
    public static EventCodec codec() {
        return CODEC;
    }

    /** Encodes a domain event, a recorded input or an integration event. */
    public NewEvent encode(UUID eventId, Object event) {
        return CODEC.encode(eventId, event);
    }

    public Object decode(StoredEvent event) {
        return CODEC.decode(event);
    }

    /** JSON of a domain value with the same type ids as the log (for tests and digests of domain values). */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
