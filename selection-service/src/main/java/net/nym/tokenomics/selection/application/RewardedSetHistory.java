package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.persistence.RewardedSetTable;
import net.nym.tokenomics.selection.persistence.SelectionEvents;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code rewarded_set} read model rebuilt from the log: every row of the stream dropped and written again from the stream's
 * {@code RewardedSetSelected} events, through the same {@link SelectedSet#of} as the live path, in one transaction
 * (readers see the old rows until the new ones commit).
 */
public final class RewardedSetHistory {

    /** What a rebuild read and wrote. */
    public record Result(long events, long sets) {
    }

    private static final Logger LOG = Logger.getLogger(RewardedSetHistory.class);
    /** Small batches: a selection's payload holds its whole proof (every candidate). */
    private static final int BATCH = 100;

    private final DataSource dataSource;
    private final String streamId;
    private final EventStore store = new EventStore();

    RewardedSetHistory(DataSource dataSource, String streamId) {
        this.dataSource = dataSource;
        this.streamId = streamId;
    }

    /**
     * The rows are written with their events; a log imported from Kafka (or restored without the tables) has
     * selections but no rows. After the start-up fold: when the last selected set has no row, rebuild.
     */
    boolean rebuildIfBehindLog(SelectedSet last) {
        if (last == null || Transactions.inTransaction(dataSource, c -> RewardedSetTable.holds(c, streamId, last.epochId()))) {
            return false;
        }
        LOG.warnf("the rewarded_set read model has no row for selected epoch %d (e.g. after a rebuild from Kafka): "
                + "rebuilding it from the log", last.epochId());
        rebuild();
        return true;
    }

    Result rebuild() {
        Result done = Transactions.inTransaction(dataSource, this::rebuild);
        LOG.infof("rewarded_set read model rebuilt from %d events of stream %s: %d sets", done.events(), streamId, done.sets());
        return done;
    }

    private Result rebuild(Connection c) throws SQLException {
        RewardedSetTable.clear(c, streamId);
        long version = 0;
        long events = 0;
        long sets = 0;
        List<StoredEvent> batch;
        do {
            batch = store.readStreamAfter(c, streamId, version, BATCH);
            for (StoredEvent stored : batch) {
                if (stored.eventType().equals(SelectionEvents.REWARDED_SET_SELECTED)
                        && SelectionEvents.decodeFolded(stored) instanceof EpochClockEvent.RewardedSetSelected s) {
                    SelectedSet.of(s).put(c, streamId);
                    sets++;
                }
                version = stored.streamVersion();
                events++;
            }
        } while (batch.size() == BATCH);
        return new Result(events, sets);
    }
}
