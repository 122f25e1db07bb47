package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: times selection through the application layer against the real PostgreSQL: for 1,000 / 10,000 / 100,000
 * candidates (set 2,000 entry, 2,000 exit, 6,000 mixnodes; every owner runs 3 nodes, the co-location search's hard
 * case), the transaction that records the last input of an epoch (the stake snapshot),
 * folds nothing new (cached state), selects, appends the proof and the integration events, and commits. Each size runs
 * on a fresh schema without a relay (a 100,000-candidate snapshot is far above Kafka's default 1 MB message limit).
 * The total is split with {@link SelectionService#lastSelectionTiming()}: input (decoding the 8.5 MB snapshot, packing
 * and inserting its record), select (inputs to sealed proof), encode (the events' payloads), append (insert and cached
 * fold), and commit.
 * Run: {@code java -cp <test classpath> net.nym.tokenomics.selection.application.SelectionServiceBenchmark [sizes]}.
 */
public final class SelectionServiceBenchmark {

    private static final int EPOCHS = 3;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    public static void main(String[] args) {
        String sizes = args.length > 0 ? args[0] : "1000,10000,100000";
        System.out.printf("%-10s %10s %9s %9s %9s %9s %9s %9s %12s %12s %11s %8s%n", "candidates", "register s", "total ms",
                "input", "select", "encode", "append", "commit", "stored B", "v1 JSON B", "rebuild ms", "set");
        run(1_000, false); // warm-up, not printed
        for (String s : sizes.split(",")) {
            run(Integer.parseInt(s.trim()), true);
        }
        System.exit(0);
    }

    private static void run(int n, boolean print) {
        DataSource ds = LocalInfra.freshSchema("selbench");
        SelectionService service = new SelectionService(ds, new SelectionService.Settings("bench", "bench", ClockMode.MANUAL,
                Duration.ofHours(1), 720, new RewardedSetSizes(1, 1, 3, 0), Decimal.ONE, Map.of()));
        service.start(T0);
        Random random = new Random(n);
        long t0 = System.nanoTime();
        Transactions.inTransaction(ds, c -> {
            for (int i = 1; i <= n; i++) {
                int r = random.nextInt(100);
                boolean gateway = r < 40;
                service.onInput(c, Fixtures.stored(new IntegrationEvents.NodeBonded(i, "n1operator" + (i / 3), "k" + i, "h", 80,
                        new IntegrationEvents.NodeRoles(r >= 30, gateway, gateway && r < 20), Unym.of(1_000_000), 0)));
            }
            return null;
        });
        double registerSeconds = (System.nanoTime() - t0) / 1e9;
        long selectNanos = 0;
        long drawNanos = 0;
        long encodeNanos = 0;
        long appendNanos = 0;
        long commitNanos = 0;
        for (int e = 0; e < EPOCHS; e++) {
            service.advance(T0.plusSeconds(60L * (e + 1)), "bench");
            List<IntegrationEvents.NodeStake> stakes = new ArrayList<>(n);
            List<IntegrationEvents.NodePerformance> perf = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                stakes.add(new IntegrationEvents.NodeStake(i, "o", Decimal.of(1_000_000L + random.nextInt(300_000_000)),
                        Decimal.ZERO, Decimal.ZERO));
                perf.add(new IntegrationEvents.NodePerformance(i, Percent.naiveFromF64OrZero(0.8 + random.nextDouble() * 0.2),
                        1, 1, 1, List.of()));
            }
            StoredEvent p = Fixtures.stored(new IntegrationEvents.EpochPerformanceComputed(e, T0, T0, perf, "0"));
            StoredEvent snap = Fixtures.stored(new IntegrationEvents.StakeSnapshotTaken(e, Decimal.of(250_000_000_000L),
                    2_000, 2_000, 6_000, 0, stakes));
            Transactions.inTransaction(ds, c -> {
                service.onInput(c, p);
                return null;
            });
            long s0 = System.nanoTime();
            long[] endBody = new long[1];
            Transactions.inTransaction(ds, c -> {
                service.onInput(c, snap);
                endBody[0] = System.nanoTime();
                return null;
            });
            commitNanos += System.nanoTime() - endBody[0];
            selectNanos += System.nanoTime() - s0;
            SelectionService.SelectionTiming t = service.lastSelectionTiming().orElseThrow();
            if (t.epochId() != e + 1) {
                throw new IllegalStateException("epoch " + (e + 1) + " was not selected in the timed transaction");
            }
            drawNanos += t.select().toNanos();
            encodeNanos += t.encode().toNanos();
            appendNanos += t.append().toNanos();
        }
        int storedBytes = service.lastSelectionTiming().orElseThrow().proofPayloadChars();
        int proofBytes = net.nym.tokenomics.eventlog.json.Json.write(service.proof(EPOCHS).orElseThrow()).length();
        long r0 = System.nanoTime();
        SelectionService.LogVerification check = new SelectionService(ds, service.settings()).verifyLog();
        double refoldMs = (System.nanoTime() - r0) / 1e6;
        if (check.firstMismatch().isPresent()) {
            throw new IllegalStateException("rebuild mismatch: " + check.firstMismatch().get());
        }
        if (!print) {
            return;
        }
        System.out.printf("%-10d %10.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %12d %12d %11.1f %8d%n", n, registerSeconds,
                selectNanos / 1e6 / EPOCHS, (selectNanos - drawNanos - encodeNanos - appendNanos - commitNanos) / 1e6 / EPOCHS,
                drawNanos / 1e6 / EPOCHS, encodeNanos / 1e6 / EPOCHS, appendNanos / 1e6 / EPOCHS, commitNanos / 1e6 / EPOCHS,
                storedBytes, proofBytes, refoldMs,
                service.view().lastSelected().set().size());
    }

    private SelectionServiceBenchmark() {
    }
}
