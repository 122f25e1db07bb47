package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Not a test: start-up of the service (its first {@code start}, which folds the stream) from a snapshot against the
 * whole fold, on a log written through the service's own API: {@code epochs} epochs (default 500) of {@code nodes}
 * nodes (default 100), each with a stake snapshot and a performance input, an admin advance and a selection; the writer
 * snapshots every {@code every} events (default 1,000). Each start-up runs three times in this JVM (the last is printed
 * as the warm figure). Run: {@code java -cp <test classpath>
 * net.nym.tokenomics.selection.application.SelectionStartupBenchmark [epochs] [nodes] [every]}.
 */
public final class SelectionStartupBenchmark {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long every = args.length > 2 ? Long.parseLong(args[2]) : 1_000;
        DataSource ds = LocalInfra.freshSchema("selstart");
        long t = System.nanoTime();
        SelectionService writer = service(ds, every);
        writer.start(T0);
        for (long i = 0; i < nodes; i++) {
            input(ds, writer, Fixtures.stored(Fixtures.bonded(1_000 + i, "owner" + i, i % 5 >= 2, i % 5 == 0, i % 5 == 1)));
        }
        for (int e = 0; e < epochs; e++) {
            writer.advance(T0.plusSeconds(10L * (e + 1)), "admin");
            Map<Long, Long> stake = new TreeMap<>();
            Map<Long, String> perf = new TreeMap<>();
            for (long i = 0; i < nodes; i++) {
                stake.put(1_000 + i, 1_000_000L + (i * 7919 + e * 104_729L) % 9_000_000L);
                perf.put(1_000 + i, "0." + (50 + (i + e) % 50));
            }
            input(ds, writer, Fixtures.stored(Fixtures.snapshot(e, 1, 1, 3, 0, stake)));
            input(ds, writer, Fixtures.stored(Fixtures.performance(e, perf)));
        }
        long version = writer.view().version();
        System.out.printf("log: %d events (%d epochs, %d nodes) written in %d s; snapshot every %d events%n", version,
                epochs, nodes, (System.nanoTime() - t) / 1_000_000_000, every);
        for (int run = 1; run <= 3; run++) {
            long whole = startUp(ds, 0, version);
            long fromSnapshot = startUp(ds, every, version);
            System.out.printf("run %d: full fold %d ms, from snapshot %d ms%n", run, whole, fromSnapshot);
        }
        // what taking a snapshot costs the command that triggers it: encoding the state (the save is a separate insert)
        SelectionView view = Transactions.inTransaction(ds, c -> net.nym.tokenomics.eventlog.command.StreamFold.foldWhole(
                new net.nym.tokenomics.eventlog.store.EventStore(), c, "bench", SelectionView.EVOLVER));
        SelectionViewCodec codec = new SelectionViewCodec();
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            byte[] bytes = codec.encode(view);
            long t1 = System.nanoTime();
            codec.decode(bytes);
            System.out.printf("codec run %d: %d bytes, encode %.1f ms, decode %.1f ms%n", run, bytes.length,
                    (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
        }
        System.exit(0);
    }

    private static SelectionService service(DataSource ds, long every) {
        return new SelectionService(ds, new SelectionService.Settings("bench", "bench", ClockMode.MANUAL,
                Duration.ofSeconds(60), 720, new RewardedSetSizes(1, 1, 3, 0), Decimal.ONE, Map.of()), every);
    }

    private static long startUp(DataSource ds, long every, long expectedVersion) {
        long t = System.nanoTime();
        SelectionService s = service(ds, every);
        s.start(T0);
        long ms = (System.nanoTime() - t) / 1_000_000;
        if (s.view().version() != expectedVersion) {
            throw new IllegalStateException("folded to v" + s.view().version() + ", not v" + expectedVersion);
        }
        return ms;
    }

    private static void input(DataSource ds, SelectionService s, StoredEvent e) {
        Transactions.inTransaction(ds, c -> {
            s.onInput(c, e);
            return null;
        });
    }
}
