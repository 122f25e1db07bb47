package net.nym.tokenomics.ticketledger.persistence;

import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
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
                StoredEvent stored = new StoredEvent(++version, 1, encoded.eventId(), LedgerLog.STREAM, version,
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
