package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.selection.domain.selection.RewardedSet;
import net.nym.tokenomics.selection.domain.selection.Shortfall;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The writes of the {@code rewarded_set} read model (migration V101, ADR 0012): one row per selected epoch, written in
 * the transaction that appends its {@code RewardedSetSelected}. Readers use {@code readmodel.RewardedSetRow}.
 */
public final class RewardedSetTable {

    private RewardedSetTable() {
    }

    /**
     * Writes (or replaces) the epoch's row: a rebuild racing a live selection writes the same row twice, to the
     * same content.
     */
    public static void put(Connection c, String streamId, long epochId, RewardedSet set, String seed, String proofDigest, Shortfall shortfall,
                           int candidates) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO rewarded_set (stream_id, epoch_id, node_ids, seed, proof_digest, short_entry_gateways,
                                          short_exit_gateways, short_mixnodes, short_standby, candidates)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (stream_id, epoch_id) DO UPDATE SET node_ids = excluded.node_ids, seed = excluded.seed,
                    proof_digest = excluded.proof_digest, short_entry_gateways = excluded.short_entry_gateways,
                    short_exit_gateways = excluded.short_exit_gateways, short_mixnodes = excluded.short_mixnodes,
                    short_standby = excluded.short_standby, candidates = excluded.candidates""")) {
            ps.setString(1, streamId);
            ps.setLong(2, epochId);
            ps.setString(3, nodeIds(set));
            ps.setString(4, seed);
            ps.setString(5, proofDigest);
            ps.setInt(6, shortfall.entryGateways());
            ps.setInt(7, shortfall.exitGateways());
            ps.setInt(8, shortfall.mixnodes());
            ps.setInt(9, shortfall.standby());
            ps.setInt(10, candidates);
            ps.executeUpdate();
        }
    }

    /** Whether the epoch has its row (the start-up check after a log was imported without the tables). */
    public static boolean holds(Connection c, String streamId, long epochId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rewarded_set WHERE stream_id = ? AND epoch_id = ?")) {
            ps.setString(1, streamId);
            ps.setLong(2, epochId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Removes the stream's rows, before a rebuild writes them again in the same transaction. */
    public static void clear(Connection c, String streamId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM rewarded_set WHERE stream_id = ?")) {
            ps.setString(1, streamId);
            ps.executeUpdate();
        }
    }

    /** The stored form of the set's node ids (canonical JSON, the lists in ascending node id order). */
    public static String nodeIds(RewardedSet set) {
        return Json.write(ProofJson.Lists.of(set));
    }

    /** The set stored by {@link #nodeIds}. */
    public static RewardedSet rewardedSet(String nodeIds) {
        try {
            return Json.read(nodeIds, ProofJson.Lists.class).toDomain();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a rewarded_set row's node_ids is not the JSON this service writes: " + e.getMessage(), e);
        }
    }
}
