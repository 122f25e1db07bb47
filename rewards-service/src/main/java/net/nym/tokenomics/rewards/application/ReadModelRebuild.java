package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.persistence.LedgerEventCodec;
import net.nym.tokenomics.rewards.persistence.LedgerLog;
import net.nym.tokenomics.rewards.persistence.RewardHistoryTables;
import net.nym.tokenomics.rewards.readmodel.AccountMovement;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Drops the history read models' rows and writes them again from the {@code ledger} stream, in one transaction:
 * readers see the old rows until the rebuilt ones commit. The log is folded afresh (a second, transient ledger in
 * memory) and each event meets the state before it, through the same {@link HistoryRows} as the live path.
 */
@ApplicationScoped
public class ReadModelRebuild {

    /** What a rebuild read and wrote. */
    public record Result(long events, long epochs, long nodeRewards, long delegationChanges, long accountMovements) {
    }

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private final LedgerEventCodec codec = new LedgerEventCodec();
    private final EventStore store = new EventStore();

    public ReadModelRebuild(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The rows are written with their events; a log imported from Kafka (or restored without the tables) has rewarded
     * epochs but no rows, and a database migrated to V103 has account movements in its log but none in
     * {@code account_movement}. At start-up, after the ledger is folded: when the last rewarded epoch has no row, or the
     * genesis allocation's first movement has none, rebuild.
     */
    void onStart(@Observes @Priority(20) StartupEvent event, LedgerService ledger) {
        rebuildIfBehindLog(ledger.read(v -> v.publishedDigests().isEmpty()
                ? OptionalLong.empty() : OptionalLong.of(v.publishedDigests().lastKey())));
    }

    /**
     * Rebuilds when the given last rewarded epoch has no {@code reward_epoch} row or the log's genesis allocation has no
     * {@code account_movement} row (two primary-key lookups, and a read of the stream's first two events); says whether
     * it did.
     */
    public boolean rebuildIfBehindLog(OptionalLong lastRewardedEpoch) {
        String behind = Transactions.inTransaction(dataSource, c -> {
            if (lastRewardedEpoch.isPresent() && !RewardHistoryTables.holdsEpoch(c, lastRewardedEpoch.getAsLong())) {
                return "no row for rewarded epoch " + lastRewardedEpoch.getAsLong();
            }
            for (StoredEvent stored : store.readStreamAfter(c, LedgerLog.LEDGER, 0, 2)) {
                if (codec.decode(stored) instanceof LedgerEvent.GenesisAllocated g && !g.balances().isEmpty()
                        && !RewardHistoryTables.holdsMovement(c, g.balances().getFirst().account(), stored.streamVersion(), 0)) {
                    return "no account movement of the genesis allocation";
                }
            }
            return null;
        });
        if (behind == null) {
            return false;
        }
        LOG.warnf("the history read models have %s (e.g. after a rebuild from Kafka, or a migration that added a read "
                + "model): rebuilding them from the log", behind);
        rebuild();
        return true;
    }

    public Result rebuild() {
        Result done = Transactions.inTransaction(dataSource, this::rebuild);
        LOG.infof("history read models rebuilt from %d ledger events: %d epochs, %d node rewards, %d delegation changes, "
                + "%d account movements", done.events(), done.epochs(), done.nodeRewards(), done.delegationChanges(),
                done.accountMovements());
        return done;
    }

    private Result rebuild(Connection c) throws SQLException {
        // A closing that commits meanwhile writes its own rows; reading on, this transaction may meet its events too and
        // writes the same rows again (every write replaces its key's row), so either way the rows are the log's.
        RewardHistoryTables.clear(c);
        LedgerView view = new LedgerView();
        LedgerEvent.EpochRewarded closing = null;
        boolean rolledOver = false;
        long events = 0;
        long epochs = 0;
        long nodeRewards = 0;
        long changes = 0;
        long movements = 0;
        List<StoredEvent> batch;
        do {
            batch = store.readStreamAfter(c, LedgerLog.LEDGER, view.ledgerVersion(), BATCH);
            List<AccountMovement> batchMovements = new ArrayList<>();
            for (StoredEvent stored : batch) {
                Object event = codec.decode(stored);
                switch (event) {
                    case LedgerEvent.EpochRewarded e -> {
                        var rows = HistoryRows.nodeRewards(view.ledger(), e);
                        RewardHistoryTables.putNodeRewards(c, e.epochId(), rows);
                        nodeRewards += rows.size();
                        closing = e;
                        rolledOver = false;
                    }
                    case LedgerEvent.IntervalRolledOver e -> rolledOver = true;
                    case LedgerEvent e -> {
                        var rows = HistoryRows.delegationChanges(view.ledger(), stored.streamVersion(), e);
                        RewardHistoryTables.putDelegationChanges(c, rows);
                        changes += rows.size();
                        batchMovements.addAll(HistoryRows.accountMovements(view.ledger(), stored.streamVersion() - 1, List.of(e)));
                    }
                    // published after the closing's domain events, on the state they left
                    case IntegrationEvents.EpochRewarded r -> {
                        if (closing == null || closing.epochId() != r.epochId()) {
                            throw new IllegalStateException("EpochRewarded for epoch " + r.epochId() + " at ledger version "
                                    + stored.streamVersion() + " follows no closing of that epoch");
                        }
                        RewardHistoryTables.putEpoch(c, HistoryRows.epochTotals(view.ledger(), closing, rolledOver, r.stateDigest()));
                        epochs++;
                    }
                    default -> {
                        // the other integration events add no history
                    }
                }
                view.applyLedger(stored.streamVersion(), event, false);
                events++;
            }
            RewardHistoryTables.putAccountMovements(c, batchMovements);
            movements += batchMovements.size();
        } while (batch.size() == BATCH);
        return new Result(events, epochs, nodeRewards, changes, movements);
    }
}
