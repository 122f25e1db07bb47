package net.nym.tokenomics.performance.it;

import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.performance.application.LogFollower;

import javax.sql.DataSource;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Catching a follower up to the log's last event in a test. A follower folds only below {@code pg_snapshot_xmin}, so
 * while any other transaction on the server is open one {@link LogFollower#catchUp()} may fold less than is committed:
 * "the catch-up folded nothing more" does not mean "nothing is left". Tests wait for the log's head instead.
 */
final class FollowerCatchUp {

    private FollowerCatchUp() {
    }

    /** Catches {@code follower} up until it has folded the last event of {@code log}; fails after a minute. */
    static void toHead(LogFollower follower, DataSource log) {
        long head = Transactions.inTransaction(log, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT coalesce(max(global_position), 0) FROM event_log")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            follower.catchUp();
            return follower.state().position().globalPosition() >= head;
        });
    }
}
