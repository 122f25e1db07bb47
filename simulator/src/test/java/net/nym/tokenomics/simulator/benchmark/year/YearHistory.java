package net.nym.tokenomics.simulator.benchmark.year;

import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.rewards.application.LedgerService;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Generates a mainnet-like history into a service's {@code event_log} on a {@code year_} schema, written through the
 * service's own application layer in-process (the methods its REST resources, Kafka consumer and scheduler call), so
 * the log and its read-model rows are what the service would write. A main class, not a test: it never runs in CI.
 * {@code --service rewards} ({@link RewardsYear}) and {@code --service selection} ({@link SelectionYear}) exist so far;
 * performance and ticket-ledger are still to do.
 *
 * <p>The schema is dropped and re-created, then migrated with the service's own Flyway locations (event-log's
 * {@code db/eventlog} and the service's {@code db/migration}, read from the service's jar only: the other services'
 * migrations are on this classpath too). The genesis is the service's default configuration. {@code --minutes} stops
 * early, at an epoch boundary; progress (epochs/s) is printed every 100 epochs, then the log size (events, MB).
 * Measured on 2026-12-03 (2 shared cores, load 15–21): 600 nodes, 7.5 epochs/s, 4,404 epochs in 10 minutes = 79,291
 * events, 598 MB of {@code event_log} (a year: about 20 minutes and 1.2 GB); figures in docs/benchmarks.md once merged.
 *
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * cd /work/wt-bench &amp;&amp; mvn -Dmaven.repo.local=/work/m2-bench -B -ntp install -DskipTests
 * cd simulator &amp;&amp; mvn -Dmaven.repo.local=/work/m2-bench -B -ntp -q test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/bench-cp.txt
 * CP=target/test-classes:$(cat /tmp/bench-cp.txt)
 * $JAVA_HOME/bin/java -Xmx1g -cp $CP net.nym.tokenomics.simulator.benchmark.year.YearHistory generate \
 *     --service rewards --db rewards_test --schema year_rewards --epochs 8760 --nodes 600 [--minutes 10] [--seed 20]
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
        if (!"rewards".equals(service) && !"selection".equals(service)) {
            throw new IllegalArgumentException("--service rewards or selection");
        }
        if (schema == null || !schema.matches("year_[a-z0-9_]+")) {
            throw new IllegalArgumentException("--schema year_… is required (it is dropped and re-created)");
        }
        if (db == null) {
            db = service + "_test";
        }
        if (service.equals("selection")) {
            selection(db, schema, epochs, nodes, seed, minutes);
            return;
        }
        migrate(db, schema, LedgerService.class);
        DataSource dataSource = LocalInfra.dataSource(db, schema);
        long deadline = System.nanoTime() + (long) Math.min(minutes * 60e9, Long.MAX_VALUE / 2.0);
        RewardsYear year = new RewardsYear(dataSource, seed);
        long t0 = System.nanoTime();
        year.initialize();
        year.bond(nodes);
        System.out.printf(Locale.ROOT, "rewards: genesis and %d bonds in %.1f s%n", nodes, (System.nanoTime() - t0) / 1e9);
        long start = System.nanoTime();
        long epoch = epochs(epochs, deadline, e -> "ledger version " + year.epoch(e) + ", " + year.liveDelegations()
                + " live delegations");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "rewards: %d of %d epochs in %.1f s (%.2f epochs/s%s), %d live delegations, state digest %s%n",
                epoch, epochs, seconds, epoch / seconds, epoch < epochs ? ", stopped by --minutes" : "", year.liveDelegations(),
                year.stateDigest());
        logSize(dataSource);
        System.exit(0);
    }

    private static void selection(String db, String schema, int epochs, int nodes, long seed, double minutes) {
        migrate(db, schema, net.nym.tokenomics.selection.application.SelectionService.class);
        DataSource dataSource = LocalInfra.dataSource(db, schema);
        long deadline = System.nanoTime() + (long) Math.min(minutes * 60e9, Long.MAX_VALUE / 2.0);
        SelectionYear year = new SelectionYear(dataSource, seed);
        long t0 = System.nanoTime();
        year.bond(nodes);
        System.out.printf(Locale.ROOT, "selection: %d bonds and epoch 0's set in %.1f s%n", nodes, (System.nanoTime() - t0) / 1e9);
        long start = System.nanoTime();
        long epoch = epochs(epochs, deadline, e -> "stream version " + year.epoch(e));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "selection: %d of %d epochs in %.1f s (%.2f epochs/s%s), last proof digest %s%n",
                epoch, epochs, seconds, epoch / seconds, epoch < epochs ? ", stopped by --minutes" : "", year.lastProofDigest());
        logSize(dataSource);
        System.exit(0);
    }

    /**
     * Writes epochs 0, 1, … until {@code epochs} are written or the deadline ({@link System#nanoTime}) passes, with a
     * progress line every 100 epochs ending in what {@code epoch} (which writes one epoch) answered; returns how many.
     */
    private static long epochs(int epochs, long deadline, java.util.function.LongFunction<String> epoch) {
        long start = System.nanoTime(), window = start;
        long written = 0;
        while (written < epochs && System.nanoTime() < deadline) {
            String state = epoch.apply(written);
            written++;
            if (written % 100 == 0) {
                long now = System.nanoTime();
                System.out.printf(Locale.ROOT, "epoch %d: %.2f epochs/s (last 100: %.2f), %s%n",
                        written, written / ((now - start) / 1e9), 100 / ((now - window) / 1e9), state);
                window = now;
            }
        }
        return written;
    }

    /** Drops and re-creates {@code schema}, migrated with event-log's and {@code owner}'s jar's migrations only. */
    static void migrate(String db, String schema, Class<?> owner) {
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setUrl(LocalInfra.jdbcUrl(db));
        direct.setUser(LocalInfra.env("PG_USER", "tokenomics"));
        direct.setPassword(LocalInfra.env("PG_PASSWORD", "tokenomics"));
        try (Connection c = direct.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot drop " + schema, e);
        }
        String jar = owner.getProtectionDomain().getCodeSource().getLocation().toString();
        ClassLoader ownMigrations = new ClassLoader(YearHistory.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (!name.startsWith("db/migration")) {
                    return super.getResources(name);
                }
                List<URL> own = Collections.list(super.getResources(name)).stream().filter(u -> u.toString().contains(jar)).toList();
                return Collections.enumeration(own);
            }
        };
        Flyway.configure(ownMigrations).dataSource(direct).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/eventlog", "classpath:db/migration").load().migrate();
    }

    private static void logSize(DataSource dataSource) {
        Transactions.inTransaction(dataSource, c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(pg_column_size(payload)), 0), "
                         + "pg_total_relation_size('event_log'), "
                         + "(SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                         + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                         + " AND c.relkind = 'r' AND c.relname <> 'event_log') FROM event_log")) {
                rs.next();
                System.out.printf(Locale.ROOT, "log: %d events, payloads %.1f MB (stored, lz4), event_log with indexes %.1f MB; "
                        + "other tables (read models, inbox) %.1f MB%n", rs.getLong(1), rs.getLong(2) / 1e6, rs.getLong(3) / 1e6,
                        rs.getLong(4) / 1e6);
            }
            return null;
        });
    }
}
