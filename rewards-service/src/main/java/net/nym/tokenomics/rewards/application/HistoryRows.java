package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.BalanceMovements;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.readmodel.AccountMovement;
import net.nym.tokenomics.rewards.readmodel.DelegationChange;
import net.nym.tokenomics.rewards.readmodel.EpochTotals;
import net.nym.tokenomics.rewards.readmodel.NodeEpochReward;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-model rows that ledger events add, as functions of the events and the ledger they meet: the one
 * definition shared by the live write path ({@link LedgerService}) and the rebuild from the log
 * ({@link ReadModelRebuild}), which is what makes a rebuilt read model equal the live one.
 *
 * <p>A decision's events are all applied to the state the decision was taken on. The rows therefore read only what
 * no earlier event of the same decision changes: the saturations before {@code EpochRewarded} (the first event of a
 * closing), and the current epoch ({@code EpochAdvanced} is the last event of a closing).
 */
final class HistoryRows {

    private HistoryRows() {
    }

    /** Each node's outcome in the epoch, in the event's (ascending node id) order; {@code before}: the state it meets. */
    static List<NodeEpochReward> nodeRewards(MixnetLedger before, LedgerEvent.EpochRewarded e) {
        Decimal point = before.globals().params().stakeSaturationPoint();
        List<NodeEpochReward> rows = new ArrayList<>(e.nodes().size());
        for (LedgerEvent.NodeEpochResult r : e.nodes()) {
            Decimal saturation = before.node(r.nodeId()).map(n -> LedgerView.saturation(n, point)).orElse(Decimal.ZERO);
            rows.add(switch (r) {
                case LedgerEvent.NodeRewarded n -> new NodeEpochReward(e.epochId(), n.nodeId(), "rewarded", n.split().nodeReward(),
                        n.split().operator(), n.split().delegates(), n.performance(), n.workFactor(), saturation);
                case LedgerEvent.NodeIdle n -> new NodeEpochReward(e.epochId(), n.nodeId(), "idle", Decimal.ZERO, Decimal.ZERO,
                        Decimal.ZERO, n.performance(), n.workFactor(), saturation);
                case LedgerEvent.NodeNotRewardable n -> new NodeEpochReward(e.epochId(), n.nodeId(), "not_rewardable",
                        Decimal.ZERO, Decimal.ZERO, Decimal.ZERO, n.performance(), n.workFactor(), saturation);
            });
        }
        return rows;
    }

    /**
     * The epoch's totals once its closing is applied ({@code after}: the pool and supply it left).
     *
     * @param rolledOver whether the closing rolled the interval over
     * @param digest     the state digest published for the epoch
     */
    static EpochTotals epochTotals(MixnetLedger after, LedgerEvent.EpochRewarded e, boolean rolledOver, String digest) {
        RewardingParams p = after.globals().params();
        int rewarded = (int) e.nodes().stream().filter(n -> n instanceof LedgerEvent.NodeRewarded).count();
        return new EpochTotals(e.epochId(), e.budget().total(), e.budget().fromFees(), e.distributed(), e.unclaimed(), rewarded,
                p.interval().rewardPool(), p.interval().stakingSupply(), rolledOver, digest);
    }

    /**
     * The delegation changes an event at {@code version} of the ledger stream makes: none, one (at {@code seq} 0), or,
     * for a {@link LedgerEvent.DelegationsAdded}, one per inner event at {@code seq} 0, 1, ... in its order.
     */
    static List<DelegationChange> delegationChanges(MixnetLedger before, long version, LedgerEvent event) {
        if (event instanceof LedgerEvent.DelegationsAdded run) {
            List<DelegationChange> out = new ArrayList<>(run.added().size());
            for (int seq = 0; seq < run.added().size(); seq++) {
                out.add(delegationChange(before, version, seq, run.added().get(seq)));
            }
            return out;
        }
        DelegationChange change = delegationChange(before, version, 0, event);
        return change == null ? List.of() : List.of(change);
    }

    private static DelegationChange delegationChange(MixnetLedger before, long version, int seq, LedgerEvent event) {
        // the ledger is initialized before any delegation exists
        java.util.function.LongSupplier current = () -> before.globals().currentEpoch();
        return switch (event) {
            case LedgerEvent.DelegationAdded d -> new DelegationChange(version, seq, current.getAsLong(), d.at(), d.nodeId(),
                    d.owner(), "added", d.deposited(), d.principal(), null);
            case LedgerEvent.DelegationReturned d -> new DelegationChange(version, seq, current.getAsLong(), d.at(), d.nodeId(),
                    d.owner(), "returned", d.returned(), null, null);
            case LedgerEvent.DelegationRemoved d -> new DelegationChange(version, seq, current.getAsLong(), d.at(), d.nodeId(),
                    d.owner(), "removed", d.paid(), Unym.ZERO, d.accrued());
            case LedgerEvent.DelegatorRewardWithdrawn d -> new DelegationChange(version, seq, current.getAsLong(), d.at(),
                    d.nodeId(), d.owner(), "reward_withdrawn", d.paid(), null, d.accrued());
            default -> null;
        };
    }

    /** The delegation changes of a decision's events, appended after {@code version}. */
    static List<DelegationChange> delegationChanges(MixnetLedger before, long version, List<LedgerEvent> events) {
        List<DelegationChange> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            out.addAll(delegationChanges(before, version + 1 + i, events.get(i)));
        }
        return out;
    }

    /**
     * The movements of liquid balances that a decision's events make, appended after {@code version}: the debits and credits
     * of {@link BalanceMovements}, which the ledger's token accounting applies, in the events' order. Each account's balance is
     * tracked through the list from {@code before.balance(account)}, so that {@code balance_after} is the balance once
     * the movement is applied even when one decision moves an account twice. The owner of a pledged node is read from
     * {@code before} (it never changes). An unfunded ledger (a log without a genesis allocation) moves no balance; a
     * decision that allocates the genesis is funded from that event on.
     */
    static List<AccountMovement> accountMovements(MixnetLedger before, long version, List<LedgerEvent> events) {
        Movements m = new Movements(before);
        for (int i = 0; i < events.size(); i++) {
            m.add(version + 1 + i, events.get(i));
        }
        return m.out;
    }

    private static final class Movements {
        private final MixnetLedger before;
        private final Map<String, BigInteger> balances = new HashMap<>();
        private final List<AccountMovement> out = new ArrayList<>();
        private boolean funded;
        private long epoch;
        private long version;
        private Instant at;
        private int seq;

        Movements(MixnetLedger before) {
            this.before = before;
            this.funded = before.isInitialized() && before.globals().funded();
            this.epoch = before.isInitialized() ? before.globals().currentEpoch() : 0;
        }

        void add(long version, LedgerEvent event) {
            this.version = version;
            this.at = event.at();
            this.seq = 0;
            if (event instanceof LedgerEvent.LedgerInitialized e) {
                epoch = e.clock().absoluteEpochId();
            }
            // a decision that allocates the genesis is funded from that event on
            if (event instanceof LedgerEvent.GenesisAllocated) {
                funded = true;
            }
            if (funded) {
                for (BalanceMovements.Movement m : BalanceMovements.of(event, this::ownerOf)) {
                    move(m.account(), m.kind(), m.nodeId(), m.counterparty(), m.change());
                }
            }
        }

        private String ownerOf(long nodeId) {
            return before.node(nodeId).map(n -> n.bond().owner())
                    .orElseThrow(() -> new IllegalStateException("node " + nodeId + " does not exist"));
        }

        private void move(String account, String kind, Long nodeId, String counterparty, BigInteger change) {
            BigInteger after = balances.getOrDefault(account, before.balance(account).amount()).add(change);
            balances.put(account, after);
            out.add(new AccountMovement(account, version, seq++, epoch, at, kind, nodeId, counterparty, change, new Unym(after)));
        }
    }
}
