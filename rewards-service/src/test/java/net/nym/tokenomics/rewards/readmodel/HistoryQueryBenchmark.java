package net.nym.tokenomics.rewards.readmodel;

import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;

import javax.sql.DataSource;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's history queries on a year of synthetic rows: 240 nodes × 8,760 epochs in {@code reward_node_epoch}
 * and 8,760 epochs in {@code reward_epoch}, inserted with SQL into a fresh schema migrated with V101. Each query is the
 * SQL the Panache read runs (count, then one ordered page), timed 20 times after 5 warm-up calls; prints median and
 * p95. Not a test: run with
 * <pre>
 * mvn -pl rewards-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=net.nym.tokenomics.rewards.readmodel.HistoryQueryBenchmark [-Dexec.args="240 8760"]
 * </pre>
 */
public final class HistoryQueryBenchmark {

    private static final int CALLS = 20;

    private HistoryQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 240;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 8_760;
        DataSource ds = LocalInfra.freshSchema("history_bench");
        String migration = migration();
        long t0 = System.nanoTime();
        Transactions.inTransaction(ds, c -> {
            try (Statement s = c.createStatement()) {
                s.execute(migration);
                s.execute("""
                        INSERT INTO reward_epoch SELECT e, 1000000.5, 0, 999999.25, 1.25, %d, 244817525850285, 1e14, e %% 720 = 719,
                            md5(e::text) FROM generate_series(0, %d) e""".formatted(nodes, epochs - 1));
                s.execute("""
                        INSERT INTO reward_node_epoch SELECT n, e, 'rewarded', 4166.666666666666666666, 416.666666666666666666,
                            3750, 0.95, 0.0083333, 0.41 FROM generate_series(0, %d) e, generate_series(1, %d) n"""
                        .formatted(epochs - 1, nodes));
                s.execute("ANALYZE reward_epoch");
                s.execute("ANALYZE reward_node_epoch");
            }
            return null;
        });
        System.out.printf("inserted %d node rows and %d epoch rows in %.1f s%n", (long) nodes * epochs, epochs,
                (System.nanoTime() - t0) / 1e9);
        long last = epochs - 1;
        try (Connection c = ds.getConnection()) {
            report("a node's rewards for a year, first page (1,000 of 8,760 rows)", c, () -> nodePage(c, nodes / 2, 0, last, 0));
            report("a node's rewards for a year, all 9 pages (8,760 rows)", c, () -> {
                int rows = 0;
                for (int page = 0; page * 1000 < epochs; page++) {
                    rows += nodePage(c, nodes / 2, 0, last, page);
                }
                return rows;
            });
            report("the last 30 days of epochs (720 rows, latest first)", c, () -> epochPage(c, last - 719, last));
            report("one epoch's nodes (240 rows, the bandwidth price)", c, () -> epochNodes(c, last));
        }
    }

    private interface Query {
        int run() throws SQLException;
    }

    private static void report(String name, Connection c, Query q) throws SQLException {
        for (int i = 0; i < 5; i++) {
            q.run();
        }
        List<Double> ms = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < CALLS; i++) {
            long t = System.nanoTime();
            rows = q.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(Double::compare);
        System.out.printf("%-70s rows %5d  median %7.2f ms  p95 %7.2f ms%n", name, rows, ms.get(CALLS / 2 - 1),
                ms.get((int) Math.ceil(CALLS * 0.95) - 1));
    }

    private static int nodePage(Connection c, long node, long from, long to, int page) throws SQLException {
        count(c, "SELECT count(*) FROM reward_node_epoch WHERE node_id = ? AND epoch_id BETWEEN ? AND ?", node, from, to);
        return rows(c, "SELECT * FROM reward_node_epoch WHERE node_id = ? AND epoch_id BETWEEN ? AND ? ORDER BY epoch_id"
                + " OFFSET " + page * 1000 + " ROWS FETCH FIRST 1000 ROWS ONLY", node, from, to);
    }

    private static int epochPage(Connection c, long from, long to) throws SQLException {
        count(c, "SELECT count(*) FROM reward_epoch WHERE epoch_id BETWEEN ? AND ?", from, to);
        return rows(c, "SELECT * FROM reward_epoch WHERE epoch_id BETWEEN ? AND ? ORDER BY epoch_id DESC"
                + " OFFSET 0 ROWS FETCH FIRST 720 ROWS ONLY", from, to);
    }

    private static int epochNodes(Connection c, long epoch) throws SQLException {
        return rows(c, "SELECT * FROM reward_node_epoch WHERE epoch_id = ? ORDER BY node_id", epoch);
    }

    private static void count(Connection c, String sql, long... params) throws SQLException {
        rows(c, sql, params);
    }

    private static int rows(Connection c, String sql, long... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getString(i);
                    }
                    n++;
                }
            }
            return n;
        }
    }

    private static String migration() throws java.io.IOException {
        try (InputStream in = HistoryQueryBenchmark.class.getResourceAsStream("/db/migration/V101__reward_history.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
