package net.nym.tokenomics.rewards.app;

import net.nym.tokenomics.eventlog.store.Transactions;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of the history read models, as PostgreSQL prints them, in primary-key order: to compare row for row. */
final class HistoryTables {

    private static final Map<String, String> ORDER = Map.of(
            "reward_epoch", "epoch_id",
            "reward_node_epoch", "node_id, epoch_id",
            "delegation_change", "ledger_version, seq",
            "account_movement", "account, ledger_version, seq");

    private HistoryTables() {
    }

    static Map<String, List<List<String>>> rows(DataSource dataSource) {
        return Transactions.inTransaction(dataSource, c -> {
            Map<String, List<List<String>>> out = new LinkedHashMap<>();
            for (String table : List.of("reward_epoch", "reward_node_epoch", "delegation_change", "account_movement")) {
                List<List<String>> rows = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + ORDER.get(table))) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>(columns);
                        for (int i = 1; i <= columns; i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
                out.put(table, rows);
            }
            return out;
        });
    }
}
