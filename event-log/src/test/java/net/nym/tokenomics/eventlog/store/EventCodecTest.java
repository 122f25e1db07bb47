package net.nym.tokenomics.eventlog.store;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.testing.Deposited;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one codec: stored forms, older versions through upcasters, domain names, includes and its errors. */
class EventCodecTest {

    sealed interface Account permits Opened, Closed { }

    record Opened(String account, long epoch) implements Account { }

    record Closed(String account) implements Account { }

    /** Deposited as stored since v2: the amount in atoms (a packed form). */
    record DepositedV2(String a, String atoms) { }

    /** Deposited as v1 wrote it: the amount as a decimal string under another name. */
    record DepositedV1(String account, String value) { }

    private static final EventCodec CODEC = new EventCodec()
            .registerForm(Deposited.TYPE, 2, Deposited.class, DepositedV2.class,
                    d -> new DepositedV2(d.account(), d.amount().atomics().toString()),
                    f -> new Deposited(f.a(), Decimal.ofAtomics(new java.math.BigInteger(f.atoms()))))
            .readsOlder(Deposited.TYPE, 1, DepositedV1.class, f -> new Deposited(f.account(), Decimal.parse(f.value())))
            .domain("accounts.", 1, Account.class)
            .include(IntegrationEvents.codec());

    private static StoredEvent stored(String type, int version, String payload) {
        return new StoredEvent(1, 1, UUID.randomUUID(), "s", 1, type, version, payload, Map.of(), Instant.EPOCH);
    }

    @Test
    void aTypeIsWrittenInItsCurrentFormAndReadBack() {
        Deposited d = new Deposited("a", Decimal.parse("1.000000000000000001"));
        NewEvent e = CODEC.encode(UUID.randomUUID(), d);
        assertThat(e.eventType()).isEqualTo("Deposited");
        assertThat(e.schemaVersion()).isEqualTo(2);
        assertThat(e.payload()).isEqualTo("{\"a\":\"a\",\"atoms\":\"1000000000000000001\"}");
        assertThat(CODEC.decode(stored(e.eventType(), 2, e.payload()))).isEqualTo(d);
    }

    @Test
    void anOlderVersionIsUpcastFromItsOwnForm() {
        assertThat(CODEC.decode(stored("Deposited", 1, "{\"account\":\"b\",\"value\":\"2.5\"}")))
                .isEqualTo(new Deposited("b", Decimal.parse("2.5")));
    }

    @Test
    void domainTypesAreNamedByPrefixAndIncludedTypesKeepTheirNames() {
        assertThat(CODEC.typeOf(Opened.class)).isEqualTo("accounts.Opened");
        assertThat(CODEC.typeOf(Closed.class)).isEqualTo("accounts.Closed");
        assertThat(CODEC.typeOf(IntegrationEvents.EpochEnded.class)).isEqualTo("EpochEnded");
        Opened o = new Opened("a", 7);
        NewEvent e = CODEC.encode(UUID.randomUUID(), o);
        assertThat(CODEC.decode(stored(e.eventType(), e.schemaVersion(), e.payload()))).isEqualTo(o);
        assertThat(CODEC.types()).contains("accounts.Opened", "Deposited", "EpochRewarded");
    }

    @Test
    void unknownNewerAndMalformedEventsAreDecodingErrorsNamingTheEvent() {
        assertThatThrownBy(() -> CODEC.decode(stored("Nope", 1, "{}"))).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unknown event type 'Nope'");
        assertThatThrownBy(() -> CODEC.decode(stored("Deposited", 3, "{}"))).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("schema version 3 is newer than the supported 2");
        assertThatThrownBy(() -> CODEC.decode(stored("Deposited", 2, "{\"a\":\"a\",\"atoms\":\"x\"}")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("malformed payload");
    }

    @Test
    void registrationsAreUnambiguous() {
        assertThatThrownBy(() -> new EventCodec().register("X", 1, Deposited.class).register("X", 1, Opened.class))
                .hasMessageContaining("registered twice");
        assertThatThrownBy(() -> new EventCodec().register("X", 1, Deposited.class).register("Y", 1, Deposited.class))
                .hasMessageContaining("under two type names");
        assertThatThrownBy(() -> new EventCodec().register("X", 2, Deposited.class).readsOlder("X", 2, DepositedV1.class, f -> f))
                .hasMessageContaining("an older version");
    }

    @Test
    void consumersDeriveTheirFiltersFromTheSealedContracts() {
        assertThat(IntegrationEvents.types(IntegrationEvents.EpochEnded.class, IntegrationEvents.StakeSnapshotTaken.class))
                .containsExactly("EpochEnded", "StakeSnapshotTaken");
        for (Class<?> producer : IntegrationEvents.Event.class.getPermittedSubclasses()) {
            for (Class<?> record : producer.getPermittedSubclasses()) {
                assertThat(IntegrationEvents.codec().knows(IntegrationEvents.codec().typeOf(record)))
                        .as("%s is registered in the contracts' codec", record.getSimpleName()).isTrue();
            }
        }
        assertThat(IntegrationEvents.topicOf(IntegrationEvents.EpochUsageClosed.class)).isEqualTo("nym.ticket-ledger.events");
        assertThat(IntegrationEvents.topicOf(IntegrationEvents.EpochRewarded.class)).isEqualTo("nym.rewards.events");
    }

    @Test
    void aRetiredTypeNameIsReadIntoTheRecordThatReplacedItAndNeverWritten() {
        EventCodec codec = new EventCodec().register("Deposit", 1, Deposited.class)
                .readsRetired("Credit", 1, DepositedV1.class, f -> new Deposited(f.account(), Decimal.parse(f.value())));
        assertThat(codec.decode(stored("Credit", 1, "{\"account\":\"c\",\"value\":\"3\"}")))
                .isEqualTo(new Deposited("c", Decimal.parse("3")));
        assertThat(codec.encode(UUID.randomUUID(), new Deposited("c", Decimal.ONE)).eventType()).isEqualTo("Deposit");
    }
}
