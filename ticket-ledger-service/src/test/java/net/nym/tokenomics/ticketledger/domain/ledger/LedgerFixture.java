package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand.RedeemTicketBatch;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ledger under test: a state, its event log, and deterministic gateways and serials. Gateways 1 and 2 are bonded,
 * 3 is not; {@link #STRANGER} is in no registry.
 */
final class LedgerFixture {

    static final Instant NOW = Instant.parse("2026-05-16T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 5, 16);
    static final long EPOCH = 10;
    static final LedgerConfig CONFIG = LedgerConfig.DEFAULT;
    static final GatewayIdentity GW1 = identity(1);
    static final GatewayIdentity GW2 = identity(2);
    static final GatewayIdentity GW3_UNBONDED = identity(3);
    static final GatewayIdentity STRANGER = identity(99);

    final LedgerState state = LedgerState.empty();
    final List<LedgerEvent> log = new ArrayList<>();
    private int nextKey;

    static LedgerFixture withGateways() {
        LedgerFixture fixture = new LedgerFixture();
        fixture.apply(new LedgerCommand.RecordGateway(1, GW1, true, NOW));
        fixture.apply(new LedgerCommand.RecordGateway(2, GW2, true, NOW));
        fixture.apply(new LedgerCommand.RecordGateway(3, GW3_UNBONDED, false, NOW));
        return fixture;
    }

    /** A stand-in identity key: 32 bytes that need not be a curve point, since the domain never verifies. */
    static GatewayIdentity identity(int n) {
        return GatewayIdentity.ofBytes(sha("SHA-256", "gateway-" + n));
    }

    /** SHA-384 output is exactly the 48 bytes of a serial. */
    static String serial(int n) {
        return TicketSerial.ofBytes(sha("SHA-384", "serial-" + n)).base58();
    }

    static SubmittedTicket ticket(int n) {
        return new SubmittedTicket(serial(n), "v1-mixnet-entry", TODAY);
    }

    static SubmittedTicket ticket(int n, String type, LocalDate spendDate) {
        return new SubmittedTicket(serial(n), type, spendDate);
    }

    static List<SubmittedTicket> tickets(int from, int count) {
        List<SubmittedTicket> tickets = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            tickets.add(ticket(i));
        }
        return tickets;
    }

    RedeemTicketBatch batch(GatewayIdentity gateway, List<SubmittedTicket> tickets) {
        return batch(gateway, "batch-" + nextKey++, tickets);
    }

    static RedeemTicketBatch batch(GatewayIdentity gateway, String key, List<SubmittedTicket> tickets) {
        return new RedeemTicketBatch(gateway, key, tickets, Optional.empty(), NOW, NOW, EPOCH, CONFIG);
    }

    Decision decide(LedgerCommand command) {
        return TicketLedger.decide(command, state);
    }

    /** Decides, requires events, folds them in and logs them. */
    List<LedgerEvent> apply(LedgerCommand command) {
        Decision decision = decide(command);
        assertThat(decision).isInstanceOf(Decision.Events.class);
        List<LedgerEvent> events = ((Decision.Events) decision).events();
        for (LedgerEvent event : events) {
            TicketLedger.evolve(state, event);
            log.add(event);
        }
        return events;
    }

    TicketBatchRedeemed redeem(RedeemTicketBatch command) {
        List<LedgerEvent> events = apply(command);
        assertThat(events).hasSize(1);
        return (TicketBatchRedeemed) events.getFirst();
    }

    TicketBatchRedeemed redeem(GatewayIdentity gateway, List<SubmittedTicket> tickets) {
        return redeem(batch(gateway, tickets));
    }

    Rejection rejection(LedgerCommand command) {
        Decision decision = decide(command);
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision).rejection();
    }

    private static byte[] sha(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
