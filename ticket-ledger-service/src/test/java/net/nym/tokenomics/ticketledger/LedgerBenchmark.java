package net.nym.tokenomics.ticketledger;

import net.nym.tokenomics.ticketledger.domain.ledger.Decision;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Not a test: times decide + evolve of 200 batches of 500 fresh tickets (plus 10% replays) and prints tickets/s.
 * Run from the module with the test classpath, e.g.
 * {@code java -cp target/test-classes:target/classes:<deps> net.nym.tokenomics.ticketledger.LedgerBenchmark}.
 */
public final class LedgerBenchmark {

    private static final int BATCHES = 200;
    private static final int BATCH_SIZE = 500;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Instant now = Instant.parse("2026-05-16T12:00:00Z");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Random random = new Random(42);
        List<GatewayIdentity> gateways = new ArrayList<>();
        for (int g = 0; g < 20; g++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            gateways.add(GatewayIdentity.ofBytes(key));
        }
        for (int round = 1; round <= rounds; round++) {
            LedgerState state = LedgerState.empty();
            for (int g = 0; g < gateways.size(); g++) {
                apply(state, new LedgerCommand.RecordGateway(g + 1, gateways.get(g), true, now));
            }
            List<LedgerCommand.RedeemTicketBatch> commands = new ArrayList<>(BATCHES);
            List<String> previous = new ArrayList<>();
            for (int b = 0; b < BATCHES; b++) {
                List<SubmittedTicket> tickets = new ArrayList<>(BATCH_SIZE);
                for (int t = 0; t < BATCH_SIZE; t++) {
                    String serial;
                    if (!previous.isEmpty() && t % 10 == 0) {
                        serial = previous.get(random.nextInt(previous.size()));
                    } else {
                        byte[] bytes = new byte[48];
                        random.nextBytes(bytes);
                        serial = TicketSerial.ofBytes(bytes).base58();
                        previous.add(serial);
                    }
                    tickets.add(new SubmittedTicket(serial, "v1-mixnet-entry", today));
                }
                commands.add(new LedgerCommand.RedeemTicketBatch(gateways.get(b % gateways.size()), "bench-" + b, tickets,
                        Optional.empty(), now, now, 1, LedgerConfig.DEFAULT));
            }
            long accepted = 0;
            long start = System.nanoTime();
            for (LedgerCommand.RedeemTicketBatch command : commands) {
                for (LedgerEvent event : apply(state, command)) {
                    accepted += ((LedgerEvent.TicketBatchRedeemed) event).counts().accepted();
                }
            }
            long elapsed = System.nanoTime() - start;
            double seconds = elapsed / 1e9;
            System.out.printf("round %d: %d batches x %d tickets in %.1f ms = %,.0f tickets/s (%d accepted, %d in index)%n",
                    round, BATCHES, BATCH_SIZE, elapsed / 1e6, BATCHES * BATCH_SIZE / seconds, accepted, state.indexedSerials());
        }
    }

    private static List<LedgerEvent> apply(LedgerState state, LedgerCommand command) {
        if (!(TicketLedger.decide(command, state) instanceof Decision.Events(List<LedgerEvent> events))) {
            throw new IllegalStateException("benchmark command was not accepted: " + command.getClass().getSimpleName());
        }
        events.forEach(e -> TicketLedger.evolve(state, e));
        return events;
    }
}
