package net.nym.tokenomics.rewards.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code command_idempotency} table: the first outcome of an account command sent with an {@code Idempotency-Key},
 * per (account, key). Written in the command's own transaction (with its events), read before a command is decided.
 */
public final class CommandIdempotency {

    /** An account's key and the fingerprint of the request it was first sent with (method, path, body). */
    public record Request(String account, String key, String fingerprint) { }

    /** The answer the first request got: its HTTP status and JSON body. */
    public record Reply(int status, String body) { }

    /** What is recorded for a key: the first request's fingerprint and its answer. */
    public record Recorded(String fingerprint, Reply reply) { }

    private CommandIdempotency() {
    }

    public static Optional<Recorded> find(Connection c, String account, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT fingerprint, status, body FROM command_idempotency WHERE account = ? AND idempotency_key = ?")) {
            ps.setString(1, account);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Recorded(rs.getString(1), new Reply(rs.getInt(2), rs.getString(3))))
                        : Optional.empty();
            }
        }
    }

    /** Records the first outcome of {@code request}, and forgets keys recorded before {@code forgetBefore}. */
    public static void record(Connection c, Request request, Reply reply, Instant at, Instant forgetBefore) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM command_idempotency WHERE recorded_at < ?")) {
            del.setTimestamp(1, Timestamp.from(forgetBefore));
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO command_idempotency "
                + "(account, idempotency_key, fingerprint, status, body, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, request.account());
            ps.setString(2, request.key());
            ps.setString(3, request.fingerprint());
            ps.setInt(4, reply.status());
            ps.setString(5, reply.body());
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        }
    }
}
