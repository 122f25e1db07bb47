package net.nym.tokenomics.simulator.benchmark.year;

import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.YearLogs;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.selection.application.SelectionService;

import java.util.List;
import java.util.Locale;

/**
 * Generates a mainnet-like history into a service's {@code event_log} on a {@code year_} schema, written through the
 * service's own application layer in-process (the methods its REST resources, Kafka consumer and scheduler call), so
 * the log and its read-model rows are what the service would write. A main class, not a test: it never runs in CI.
 * {@code --service rewards} ({@link RewardsYear}), {@code selection} ({@link SelectionYear}) and {@code performance}
 * ({@link PerformanceYear}); ticket-ledger's generator is {@code LedgerYear} in that service's tests (it reuses the
 * service's test fixture of gateways and batches).
 *
 * <p>The schema is dropped and re-created, then migrated with the service's own Flyway locations (event-log's
 * {@code testing/YearLogs}). The genesis is the service's default configuration. {@code --minutes} stops early, at an
 * epoch boundary; progress (epochs/s) is printed every 100 epochs, then the log size (events, MB). Figures in
 * docs/benchmarks.md ("A year of history").
 *
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * mvn -B -ntp install -DskipTests
 * cd simulator &amp;&amp; mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/bench-cp.txt
 * CP=target/test-classes:$(cat /tmp/bench-cp.txt)
 * $JAVA_HOME/bin/java -Xmx1g -cp $CP net.nym.tokenomics.simulator.benchmark.year.YearHistory generate \
 *     --service rewards --schema year_rewards --epochs 8760 --nodes 600 [--db rewards_test] [--minutes 10] [--seed 20]
 * $JAVA_HOME/bin/java -cp $CP net.nym.tokenomics.simulator.benchmark.year.YearMeasure \
 *     --jar ../rewards-service/target/quarkus-app/quarkus-run.jar --service rewards --schema year_rewards \
 *     --query "/v1/nodes/1/rewards?from_epoch=0&amp;to_epoch=8759&amp;per_page=1000" \
 *     --query "/v1/epochs?from_epoch=0&amp;to_epoch=8759&amp;per_page=720"
 * PGPASSWORD=tokenomics psql -h 127.0.0.1 -U tokenomics -d rewards_test -c "DROP SCHEMA year_rewards CASCADE"  # when done
 * </pre>
 */
public final class YearHistory {

    private YearHistory() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("generate")) {
            throw new IllegalArgumentException("usage: generate --service rewards --schema year_S [--db D] [--epochs 8760] "
                    + "[--nodes 600] [--minutes M] [--seed 20]");
        }
        String service = null, schema = null, db = null;
        int epochs = 8760, nodes = 600;
        long seed = 20;
        double minutes = Double.POSITIVE_INFINITY;
        for (int i = 1; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--service" -> service = v;
                case "--schema" -> schema = v;
                case "--db" -> db = v;
                case "--epochs" -> epochs = Integer.parseInt(v);
                case "--nodes" -> nodes = Integer.parseInt(v);
                case "--minutes" -> minutes = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!List.of("rewards", "selection", "performance").contains(service)) {
            throw new IllegalArgumentException("--service rewards, selection or performance (ticket-ledger: its LedgerYear)");
        }
        if (db == null) {
            db = service + "_test";
        }
        long deadline = YearLogs.deadline(minutes);
        long t0 = System.nanoTime();
        long written;
        String end;
        switch (service) {
            case "rewards" -> {
                RewardsYear year = new RewardsYear(YearLogs.recreate(db, schema, LedgerService.class), seed);
                year.initialize();
                year.bond(nodes);
                System.out.printf(Locale.ROOT, "rewards: genesis and %d bonds in %.1f s%n", nodes, seconds(t0));
                written = YearLogs.epochs(epochs, deadline, e -> "ledger version " + year.epoch(e) + ", "
                        + year.liveDelegations() + " live delegations");
                end = year.liveDelegations() + " live delegations, state digest " + year.stateDigest();
            }
            case "selection" -> {
                SelectionYear year = new SelectionYear(YearLogs.recreate(db, schema, SelectionService.class), seed);
                year.bond(nodes);
                System.out.printf(Locale.ROOT, "selection: %d bonds and epoch 0's set in %.1f s%n", nodes, seconds(t0));
                written = YearLogs.epochs(epochs, deadline, e -> "stream version " + year.epoch(e));
                end = "last proof digest " + year.lastProofDigest();
            }
            default -> {
                PerformanceYear year = new PerformanceYear(YearLogs.recreate(db, schema, PerformanceApplication.class), seed);
                year.register(nodes);
                System.out.printf(Locale.ROOT, "performance: %d nodes registered and described in %.1f s%n", nodes, seconds(t0));
                written = YearLogs.epochs(epochs, deadline, e -> "log position " + year.epoch(e));
                end = "last state digest " + year.lastDigest();
            }
        }
        double seconds = seconds(t0);
        System.out.printf(Locale.ROOT, "%s: %d of %d epochs, %.1f s with the set-up (%.2f epochs/s%s), %s%n", service, written, epochs,
                seconds, written / seconds, written < epochs ? ", stopped by --minutes" : "", end);
        YearLogs.printLogSize(LocalInfra.dataSource(db, schema));
        System.exit(0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
