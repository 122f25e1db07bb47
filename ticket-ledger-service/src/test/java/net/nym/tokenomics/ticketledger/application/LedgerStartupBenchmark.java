package net.nym.tokenomics.ticketledger.application;

import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.ticketledger.application.LedgerHistory.Service;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;

import java.time.Duration;
import java.time.Instant;

/**
 * Not a test: start-up of the service (the view's first catch-up, which folds the stream) from a snapshot against the
 * whole fold, on a log written through the service's writer: {@code gateways} gateways (default 20) each submitting
 * {@code groups} batches (default 2) of {@code tickets} tickets (default 100, a tenth of them replays or double
 * spends) per epoch, for {@code epochs} epochs (default 60) of {@code hours} hours each (default 12: a log of 30
 * days, longer than the 14 days of serials the state keeps), each closed, with serial expiry once a day; the writer
 * snapshots every {@code every} events (default 1,000). Each start-up runs three times in this JVM. Then the
 * snapshot's size and the codec's cost. Run: {@code java -cp <test classpath>
 * net.nym.tokenomics.ticketledger.application.LedgerStartupBenchmark [epochs] [gateways] [groups] [tickets] [every] [hours]}.
 */
public final class LedgerStartupBenchmark {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int gateways = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int groups = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int tickets = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        long every = args.length > 4 ? Long.parseLong(args[4]) : 1_000;
        int hours = args.length > 5 ? Integer.parseInt(args[5]) : 12;
        LedgerHistory h = new LedgerHistory("ledstart", T0, 42);
        long t = System.nanoTime();
        Service writer = h.start(every);
        h.gateways(writer, gateways);
        for (int e = 1; e <= epochs; e++) {
            for (int g = 0; g < groups; g++) {
                h.group(writer, tickets);
            }
            h.closeEpoch(writer);
            h.clock.advance(Duration.ofHours(hours));
            if (e * hours % 24 < hours) {
                h.expireAfter(writer, 0);
            }
        }
        long version = writer.view().version();
        System.out.printf("log: %d events (%d epochs of %d h, %d gateways x %d batches x %d tickets), %d serials"
                        + " indexed, written in %d s; snapshot every %d events%n", version, epochs, hours, gateways, groups, tickets,
                writer.view().read(LedgerState::indexedSerials), (System.nanoTime() - t) / 1_000_000_000, every);
        for (int run = 1; run <= 3; run++) {
            long whole = startUp(h, 0, version);
            long fromSnapshot = startUp(h, every, version);
            System.out.printf("run %d: full fold %d ms, from snapshot %d ms%n", run, whole, fromSnapshot);
        }
        // what taking a snapshot costs the command that triggers it: encoding the state (the save is a separate insert)
        LedgerFold fold = Transactions.inTransaction(h.dataSource, c ->
                StreamFold.foldWhole(new EventStore(), c, LedgerView.STREAM, LedgerFold.EVOLVER));
        LedgerFoldCodec codec = new LedgerFoldCodec();
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            byte[] bytes = codec.encode(fold);
            long t1 = System.nanoTime();
            codec.decode(bytes);
            System.out.printf("codec run %d: %d bytes (%d per indexed serial), encode %.1f ms, decode %.1f ms%n", run,
                    bytes.length, bytes.length / Math.max(1, fold.state().indexedSerials()), (t1 - t0) / 1e6,
                    (System.nanoTime() - t1) / 1e6);
        }
        Long stored = Transactions.inTransaction(h.dataSource, c -> {
            try (var ps = c.prepareStatement("SELECT max(pg_column_size(state)) FROM snapshot");
                 var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
        System.out.printf("largest stored snapshot (lz4-compressed column): %d bytes%n", stored);
        System.exit(0);
    }

    private static long startUp(LedgerHistory h, long every, long expectedVersion) {
        long t = System.nanoTime();
        Service s = h.start(every);
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (s.view().version() != expectedVersion) {
            throw new IllegalStateException("folded to v" + s.view().version() + ", not v" + expectedVersion);
        }
        return ms;
    }
}
