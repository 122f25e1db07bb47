package net.nym.tokenomics.eventlog.testing;

import net.nym.tokenomics.eventlog.store.Transactions;
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
import java.util.function.LongFunction;

/**
 * What the year-of-history generators (issue 20; simulator's {@code YearHistory}, ticket-ledger's {@code LedgerYear})
 * share: a {@code year_} schema dropped and migrated as the service would migrate it, the epoch loop with its progress
 * lines, and the size of the log written. For benchmark mains, never for CI tests (a year takes minutes).
 */
public final class YearLogs {

    private YearLogs() {
    }

    /**
     * Drops and re-creates {@code schema} in {@code db}, migrated with event-log's {@code db/eventlog} and the
     * {@code db/migration} of {@code owner}'s jar (or class directory) only: on a classpath with several services, the
     * other services' migrations are left out. Returns a pooled data source on it.
     */
    public static DataSource recreate(String db, String schema, Class<?> owner) {
        if (schema == null || !schema.matches("year_[a-z0-9_]+")) {
            throw new IllegalArgumentException("a year_… schema is required (it is dropped and re-created), not " + schema);
        }
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setUrl(LocalInfra.jdbcUrl(db));
        direct.setUser(LocalInfra.env("PG_USER", "tokenomics"));
        direct.setPassword(LocalInfra.env("PG_PASSWORD", "tokenomics"));
        try (Connection c = direct.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot drop " + schema, e);
        }
        String own = owner.getProtectionDomain().getCodeSource().getLocation().toString();
        ClassLoader ownMigrations = new ClassLoader(YearLogs.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (!name.startsWith("db/migration")) {
                    return super.getResources(name);
                }
                List<URL> mine = Collections.list(super.getResources(name)).stream()
                        .filter(u -> u.toString().contains(own)).toList();
                return Collections.enumeration(mine);
            }
        };
        Flyway.configure(ownMigrations).dataSource(direct).schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations("classpath:db/eventlog", "classpath:db/migration").load().migrate();
        return LocalInfra.dataSource(db, schema);
    }

    /** {@link System#nanoTime} after {@code minutes} from now (infinite: never). */
    public static long deadline(double minutes) {
        return System.nanoTime() + (long) Math.min(minutes * 60e9, Long.MAX_VALUE / 2.0);
    }

    /**
     * Writes epochs 0, 1, … until {@code epochs} are written or the deadline ({@link #deadline}) passes, with a
     * progress line every 100 epochs ending in what {@code epoch} (which writes one epoch) answered; returns how many.
     */
    public static long epochs(int epochs, long deadline, LongFunction<String> epoch) {
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

    /** Prints the log's event count and sizes, and the size of the schema's other tables. */
    public static void printLogSize(DataSource dataSource) {
        Transactions.inTransaction(dataSource, c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(pg_column_size(payload)), 0), "
                         + "pg_total_relation_size('event_log'), "
                         + "(SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                         + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                         + " AND c.relkind = 'r' AND c.relname <> 'event_log') FROM event_log")) {
                rs.next();
                System.out.printf(Locale.ROOT, "log: %d events, payloads %.1f MB (stored, lz4), event_log with indexes %.1f MB; "
                        + "other tables (read models, inbox, snapshots) %.1f MB%n", rs.getLong(1), rs.getLong(2) / 1e6,
                        rs.getLong(3) / 1e6, rs.getLong(4) / 1e6);
            }
            return null;
        });
    }
}
