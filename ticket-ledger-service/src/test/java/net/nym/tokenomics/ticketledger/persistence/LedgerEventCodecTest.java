package net.nym.tokenomics.ticketledger.persistence;

import net.nym.tokenomics.eventlog.store.EventDecodingException;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.ticketledger.application.LedgerView;
import net.nym.tokenomics.ticketledger.domain.ledger.Decision;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every domain event survives the log's JSON exactly, so a fold of the stored log equals the live state. */
class LedgerEventCodecTest {

    private static final Instant NOW = Instant.parse("2026-05-16T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 16);

    @Test
    void everyEventKindRoundTripsAndAFoldOfDecodedEventsEqualsTheLiveFold() {
        GatewayIdentity g1 = GatewayIdentity.ofBytes(bytes(32, 1));
        GatewayIdentity g2 = GatewayIdentity.ofBytes(bytes(32, 2));
        String s1 = TicketSerial.ofBytes(bytes(48, 3)).base58();
        String s2 = TicketSerial.ofBytes(bytes(48, 4)).base58();
        List<LedgerCommand> commands = List.of(
                new LedgerCommand.RecordGateway(1, g1, true, NOW),
                new LedgerCommand.RecordGateway(2, g2, true, NOW),
                batch(g1, "k1", List.of(new SubmittedTicket(s1, "v1-mixnet-entry", TODAY),
                        new SubmittedTicket("0OIl", "v1-mixnet-entry", TODAY))),
                batch(g2, "k2", List.of(new SubmittedTicket(s1, "v1-mixnet-entry", TODAY),
                        new SubmittedTicket(s2, "v1-wireguard-exit", TODAY))),
                batch(g2, "k3", List.of(new SubmittedTicket(s2, "v1-wireguard-exit", TODAY))),
                new LedgerCommand.CloseEpochsThrough(10, NOW),
                new LedgerCommand.ExpireSerials(TODAY.plusDays(30), NOW, LedgerConfig.DEFAULT),
                new LedgerCommand.RecordGateway(2, g2, false, NOW));
        LedgerState live = LedgerState.empty();
        LedgerState replayed = LedgerState.empty();
        long version = 0;
        for (LedgerCommand command : commands) {
            Decision d = TicketLedger.decide(command, live);
            assertThat(d).isInstanceOf(Decision.Events.class);
            for (LedgerEvent event : ((Decision.Events) d).events()) {
                NewEvent encoded = LedgerEventCodec.encode(UUID.randomUUID(), event);
                StoredEvent stored = new StoredEvent(++version, 1, encoded.eventId(), LedgerView.STREAM, version,
                        encoded.eventType(), encoded.schemaVersion(), encoded.payload(), Map.of(), NOW);
                Object decoded = LedgerEventCodec.decode(stored);
                assertThat(decoded).isEqualTo(event);
                TicketLedger.evolve(live, event);
                TicketLedger.evolve(replayed, (LedgerEvent) decoded);
            }
        }
        assertThat(StateDigest.of(replayed.canonicalView())).isEqualTo(StateDigest.of(live.canonicalView()));
        assertThat(LedgerEventCodec.encode(UUID.randomUUID(), new LedgerEvent.GatewayRegistryUpdated(1, g1, true, NOW)).payload())
                .contains("\"identity\":\"" + g1.base58() + "\"");
    }

    /**
     * The writer evolves its own batch events without decoding them back, stamped by the system clock: that is only
     * the same as a replay if a nanosecond instant and every outcome survive the JSON exactly.
     */
    @Test
    void aBatchRecordedAtNanosecondPrecisionRoundTripsExactly() {
        GatewayIdentity g1 = GatewayIdentity.ofBytes(bytes(32, 1));
        LedgerState state = LedgerState.empty();
        TicketLedger.evolve(state, new LedgerEvent.GatewayRegistryUpdated(1, g1, true, NOW));
        Instant now = NOW.plusNanos(123_456_789);
        List<SubmittedTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(new SubmittedTicket(TicketSerial.ofBytes(bytes(48, 10 + i)).base58(), "v1-wireguard-entry", TODAY));
        }
        tickets.add(new SubmittedTicket("0OIl", "v1-mixnet-entry", TODAY));
        Decision d = TicketLedger.decide(new LedgerCommand.RedeemTicketBatch(g1, "nanos", tickets, Optional.empty(),
                now.minusMillis(5), now, 10, LedgerConfig.DEFAULT), state);
        LedgerEvent event = ((Decision.Events) d).events().getFirst();
        NewEvent encoded = LedgerEventCodec.encode(UUID.randomUUID(), event);
        StoredEvent stored = new StoredEvent(2, 1, encoded.eventId(), LedgerView.STREAM, 2, encoded.eventType(),
                encoded.schemaVersion(), encoded.payload(), Map.of(), NOW);
        assertThat(LedgerEventCodec.decode(stored)).isEqualTo(event);
        assertThat(encoded.payload()).contains("12:00:00.123456789Z");
    }

    @Test
    void batchesAreWrittenCompactlyAndBatchesOfSchemaOneStillDecode() {
        GatewayIdentity g1 = GatewayIdentity.ofBytes(bytes(32, 1));
        GatewayIdentity g2 = GatewayIdentity.ofBytes(bytes(32, 2));
        LedgerState state = LedgerState.empty();
        TicketLedger.evolve(state, new LedgerEvent.GatewayRegistryUpdated(1, g1, true, NOW));
        TicketLedger.evolve(state, new LedgerEvent.GatewayRegistryUpdated(2, g2, true, NOW));
        List<SubmittedTicket> first = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            first.add(new SubmittedTicket(numbered(i),
                    i % 7 == 0 ? "v1-mixnet-exit" : "v1-mixnet-entry", TODAY.minusDays(i % 3)));
        }
        LedgerEvent.TicketBatchRedeemed a = redeem(state, g1, "a", first);
        // Accepted runs interleaved with every other outcome kind, positions out of run order.
        List<SubmittedTicket> second = new ArrayList<>(first.subList(0, 3));
        second.add(new SubmittedTicket("0OIl", "v1-mixnet-entry", TODAY));
        second.add(new SubmittedTicket(TicketSerial.ofBytes(bytes(48, 7)).base58(), "v1-wireguard-exit", TODAY));
        second.add(first.get(1));
        second.add(new SubmittedTicket(TicketSerial.ofBytes(bytes(48, 8)).base58(), "v1-mixnet-entry", TODAY));
        LedgerEvent.TicketBatchRedeemed b = redeem(state, g2, "b", second);
        LedgerEvent.TicketBatchRedeemed c = redeem(state, g1, "c", List.of(first.get(5), first.get(6)));

        for (LedgerEvent.TicketBatchRedeemed event : List.of(a, b, c)) {
            NewEvent compact = LedgerEventCodec.encode(UUID.randomUUID(), event);
            NewEvent schema1 = encodeBatchSchema1(UUID.randomUUID(), event);
            assertThat(compact.schemaVersion()).isEqualTo(2);
            assertThat(schema1.schemaVersion()).isEqualTo(1);
            assertThat(decode(compact)).isEqualTo(event);
            assertThat(decode(schema1)).isEqualTo(event);
        }
        assertThat(a.counts().accepted()).isEqualTo(500);
        NewEvent big = LedgerEventCodec.encode(UUID.randomUUID(), a);
        assertThat(big.payload()).doesNotContain("\"outcome\"");
        assertThat(big.payload().length()).isLessThan(encodeBatchSchema1(UUID.randomUUID(), a).payload().length() / 2);
    }

    @Test
    void aCompactBatchWhosePositionsDoNotAddUpIsRefused() {
        GatewayIdentity g1 = GatewayIdentity.ofBytes(bytes(32, 1));
        LedgerState state = LedgerState.empty();
        TicketLedger.evolve(state, new LedgerEvent.GatewayRegistryUpdated(1, g1, true, NOW));
        List<SubmittedTicket> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tickets.add(new SubmittedTicket(TicketSerial.ofBytes(bytes(48, 40 + i)).base58(), "v1-mixnet-entry", TODAY));
        }
        NewEvent encoded = LedgerEventCodec.encode(UUID.randomUUID(), redeem(state, g1, "k", tickets));
        assertThat(encoded.payload()).contains("\"positions\":\"0-3\"");
        NewEvent broken = new NewEvent(encoded.eventId(), encoded.eventType(), encoded.schemaVersion(),
                encoded.payload().replace("\"positions\":\"0-3\"", "\"positions\":\"0-2\""), Map.of());
        assertThatThrownBy(() -> decode(broken)).isInstanceOf(EventDecodingException.class);
    }

    private static LedgerEvent.TicketBatchRedeemed redeem(LedgerState state, GatewayIdentity g, String key,
                                                          List<SubmittedTicket> tickets) {
        Decision d = TicketLedger.decide(batch(g, key, tickets), state);
        LedgerEvent.TicketBatchRedeemed event = (LedgerEvent.TicketBatchRedeemed) ((Decision.Events) d).events().getFirst();
        TicketLedger.evolve(state, event);
        return event;
    }

    /** Distinct serials for distinct numbers. */
    private static String numbered(int n) {
        byte[] b = bytes(48, 9);
        b[1] = (byte) (n >> 8);
        b[2] = (byte) n;
        return TicketSerial.ofBytes(b).base58();
    }

    /** A batch as schema 1 wrote it (one object per outcome): what logs written before schema 2 hold. */
    static NewEvent encodeBatchSchema1(UUID eventId, LedgerEvent.TicketBatchRedeemed batch) {
        try {
            return new NewEvent(eventId, LedgerEventCodec.TICKET_BATCH_REDEEMED, 1,
                    LedgerEventCodec.mapper().writeValueAsString(batch), Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object decode(NewEvent encoded) {
        return LedgerEventCodec.decode(new StoredEvent(1, 1, encoded.eventId(), LedgerView.STREAM, 1, encoded.eventType(),
                encoded.schemaVersion(), encoded.payload(), Map.of(), NOW));
    }

    private static LedgerCommand batch(GatewayIdentity g, String key, List<SubmittedTicket> tickets) {
        return new LedgerCommand.RedeemTicketBatch(g, key, new ArrayList<>(tickets), Optional.empty(), NOW, NOW, 10,
                LedgerConfig.DEFAULT);
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i + 1);
        }
        return b;
    }
}
