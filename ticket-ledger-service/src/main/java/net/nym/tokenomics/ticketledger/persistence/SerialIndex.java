package net.nym.tokenomics.ticketledger.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.SpentTicket;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The {@code redeemed_serial} table: the double-spend index as PostgreSQL enforces it (primary key on the serial). */
@ApplicationScoped
public class SerialIndex {

    /** Rows per statement when the whole index is rewritten. */
    private static final int REBUILD_CHUNK = 10_000;

    /**
     * The accepted serials of a group of batches, in one statement: the serials' own columns as arrays, the batch
     * columns once per batch, joined on the batch's ordinal. Instants go as ISO text so that every path (this insert
     * and {@link #replaceAll}) rounds them to microseconds the same way.
     */
    private static final String INSERT = """
            INSERT INTO redeemed_serial (serial, gateway_node_id, gateway, epoch, ticket_type, spend_date, batch_id,
                                         redeemed_at)
            SELECT t.serial, b.node, b.gateway, b.epoch, t.type, t.spend_date, b.batch_id, b.at::timestamptz
              FROM unnest(?::text[], ?::text[], ?::date[], ?::int4[]) AS t(serial, type, spend_date, batch)
              JOIN unnest(?::int8[], ?::text[], ?::int8[], ?::text[], ?::text[]) WITH ORDINALITY
                   AS b(node, gateway, epoch, batch_id, at, batch) ON b.batch = t.batch
            ON CONFLICT (serial) DO NOTHING""";

    /** How many of these (distinct) serials have a row. */
    public int countIndexed(Connection c, Collection<String> serials) throws SQLException {
        if (serials.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM redeemed_serial WHERE serial = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", serials.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Inserts the accepted serials of a group of batches, in one statement; a serial already present is left alone
     * ({@code ON CONFLICT DO NOTHING}) and not counted. Returns how many rows were inserted: the caller requires it to
     * equal the accepted count, otherwise a decision was made on a stale view and the whole transaction must roll back.
     */
    public int insertAccepted(Connection c, List<LedgerEvent.TicketBatchRedeemed> batches) throws SQLException {
        int total = 0;
        for (LedgerEvent.TicketBatchRedeemed b : batches) {
            total += b.counts().accepted();
        }
        if (total == 0) {
            return 0;
        }
        String[] serials = new String[total];
        String[] types = new String[total];
        String[] dates = new String[total];
        Integer[] batchOf = new Integer[total];
        int n = batches.size();
        Long[] nodes = new Long[n];
        String[] gateways = new String[n];
        Long[] epochs = new Long[n];
        String[] batchIds = new String[n];
        String[] at = new String[n];
        int row = 0;
        for (int b = 0; b < n; b++) {
            LedgerEvent.TicketBatchRedeemed batch = batches.get(b);
            nodes[b] = batch.gatewayNodeId();
            gateways[b] = batch.gateway().base58();
            epochs[b] = batch.epoch();
            batchIds[b] = batch.batchId();
            at[b] = batch.recordedAt().toString();
            for (TicketOutcome o : batch.outcomes()) {
                if (o instanceof TicketOutcome.Accepted a) {
                    serials[row] = a.serial().base58();
                    types[row] = a.type().jsonName();
                    dates[row] = a.spendDate().toString();
                    batchOf[row] = b + 1;
                    row++;
                }
            }
        }
        return insert(c, serials, types, dates, batchOf, nodes, gateways, epochs, batchIds, at);
    }

    private static int insert(Connection c, String[] serials, String[] types, String[] dates, Integer[] batchOf,
                              Long[] nodes, String[] gateways, Long[] epochs, String[] batchIds, String[] at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, c.createArrayOf("text", serials));
            ps.setArray(2, c.createArrayOf("text", types));
            ps.setArray(3, c.createArrayOf("text", dates));
            ps.setArray(4, c.createArrayOf("int4", batchOf));
            ps.setArray(5, c.createArrayOf("int8", nodes));
            ps.setArray(6, c.createArrayOf("text", gateways));
            ps.setArray(7, c.createArrayOf("int8", epochs));
            ps.setArray(8, c.createArrayOf("text", batchIds));
            ps.setArray(9, c.createArrayOf("text", at));
            return ps.executeUpdate();
        }
    }

    /** Deletes the expired serials; returns how many rows went. */
    public int delete(Connection c, List<TicketSerial> serials) throws SQLException {
        if (serials.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM redeemed_serial WHERE serial = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", serials.stream().map(TicketSerial::base58).toArray()));
            return ps.executeUpdate();
        }
    }

    /**
     * Empties the table and writes exactly {@code index} (a fold's double-spend index), inside the caller's
     * transaction. Returns how many rows were written.
     */
    public int replaceAll(Connection c, SortedMap<TicketSerial, SpentTicket> index) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("TRUNCATE redeemed_serial");
        }
        List<Map.Entry<TicketSerial, SpentTicket>> entries = new ArrayList<>(index.entrySet());
        int written = 0;
        for (int from = 0; from < entries.size(); from += REBUILD_CHUNK) {
            List<Map.Entry<TicketSerial, SpentTicket>> chunk = entries.subList(from, Math.min(entries.size(), from + REBUILD_CHUNK));
            int n = chunk.size();
            String[] serials = new String[n];
            String[] types = new String[n];
            String[] dates = new String[n];
            Integer[] rowOf = new Integer[n];
            Long[] nodes = new Long[n];
            String[] gateways = new String[n];
            Long[] epochs = new Long[n];
            String[] batchIds = new String[n];
            String[] at = new String[n];
            for (int i = 0; i < n; i++) {
                SpentTicket t = chunk.get(i).getValue();
                serials[i] = chunk.get(i).getKey().base58();
                types[i] = t.type().jsonName();
                dates[i] = t.spendDate().toString();
                rowOf[i] = i + 1;
                nodes[i] = t.gatewayNodeId();
                gateways[i] = t.gateway().base58();
                epochs[i] = t.epoch();
                batchIds[i] = t.batchId();
                at[i] = t.firstSeenAt().toString();
            }
            written += insert(c, serials, types, dates, rowOf, nodes, gateways, epochs, batchIds, at);
        }
        return written;
    }

    /** How many serials the table holds. */
    public int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM redeemed_serial");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The table's content, every column, in serial order, as one SHA-256 (hex): equal digests, equal indexes. */
    public IndexDigest digest(Connection c) throws SQLException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT serial, gateway_node_id, gateway, epoch, ticket_type, spend_date, batch_id,
                       to_char(redeemed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
                  FROM redeemed_serial ORDER BY serial COLLATE "C"
                """)) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder line = new StringBuilder(200);
                    for (int i = 1; i <= 8; i++) {
                        line.append(rs.getString(i)).append(i == 8 ? '\n' : '|');
                    }
                    sha256.update(line.toString().getBytes(StandardCharsets.UTF_8));
                    rows++;
                }
            }
        }
        return new IndexDigest(rows, java.util.HexFormat.of().formatHex(sha256.digest()));
    }

    public record IndexDigest(int rows, String sha256) {
    }

    /** Every indexed serial with its first redeemer's node id, sorted (for rebuild checks). */
    public Map<String, Long> all(Connection c) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT serial, gateway_node_id FROM redeemed_serial");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
