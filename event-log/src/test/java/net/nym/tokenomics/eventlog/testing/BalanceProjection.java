package net.nym.tokenomics.eventlog.testing;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.projection.Projection;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** A test read model: per account, the number of deposits and their exact sum. */
public final class BalanceProjection implements Projection {

    public record Balance(long deposits, Decimal total) { }

    private final EventCodec codec;

    public BalanceProjection(EventCodec codec) {
        this.codec = codec;
    }

    public static void createTable(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS test_balance (account TEXT PRIMARY KEY, deposits BIGINT NOT NULL, total TEXT NOT NULL)");
        }
    }

    @Override
    public String name() {
        return "test-balance";
    }

    @Override
    public void apply(Connection c, StoredEvent e) throws SQLException {
        Object event = codec.decode(e);
        if (event instanceof Deposited d) {
            Balance current = read(c).getOrDefault(d.account(), new Balance(0, Decimal.ZERO));
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO test_balance (account, deposits, total) VALUES (?, ?, ?)
                    ON CONFLICT (account) DO UPDATE SET deposits = excluded.deposits, total = excluded.total""")) {
                ps.setString(1, d.account());
                ps.setLong(2, current.deposits() + 1);
                ps.setString(3, current.total().plus(d.amount()).toString());
                ps.executeUpdate();
            }
        }
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute("DELETE FROM test_balance");
        }
    }

    public static Map<String, Balance> read(Connection c) throws SQLException {
        Map<String, Balance> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT account, deposits, total FROM test_balance");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new Balance(rs.getLong(2), Decimal.parse(rs.getString(3))));
            }
        }
        return out;
    }
}
