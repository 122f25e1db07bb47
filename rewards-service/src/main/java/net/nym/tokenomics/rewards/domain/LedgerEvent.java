package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.rewarding.ActiveSetUpdate;
import net.nym.tokenomics.rewards.domain.rewarding.FeeDistribution;
import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;
import net.nym.tokenomics.rewards.domain.rewarding.PoolChange;
import net.nym.tokenomics.rewards.domain.rewarding.RewardSplit;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Facts recorded by the ledger. Each carries its inputs and its results (the balances after it), so that
 * {@link LedgerEvolver} only copies values in and never re-runs a formula. In a funded ledger (issue 15) an event's
 * tokens move between balances and the ledger: a bond, a queued pledge increase or delegation debits its sender's
 * balance; a payout ({@code paid}, {@code returned}, a pledge decrease) credits it ({@link SupplyAccounting}).
 *
 * <p>A {@code pendingEventId} of {@code null} on a parameter event means it was applied immediately, otherwise it
 * names the queued event it resolves.
 */
public sealed interface LedgerEvent {

    Instant at();

    record LedgerInitialized(Instant at, RewardingParams params, ContractSettings settings, IntervalClock clock)
            implements LedgerEvent {
    }

    /** One account's genesis balance. */
    record Allocated(String account, Unym amount) {
    }

    /**
     * Where the tokens are at genesis (issue 15), right after {@link LedgerInitialized}: {@code totalSupply} is the
     * params' reward pool plus every balance, exactly; from here on tokens only move. Balances ascend by account.
     */
    record GenesisAllocated(Instant at, Unym totalSupply, Unym mixminingPool, Unym vestingTokens, String treasury,
                            List<Allocated> balances) implements LedgerEvent {
        public GenesisAllocated {
            balances = List.copyOf(balances);
        }
    }

    /** Tokens moved between two accounts' balances. */
    record TokensTransferred(Instant at, String from, String to, Unym amount) implements LedgerEvent {
    }

    /** A node bonded in {@code epoch}: {@code O = pledge}, {@code last_rewarded_epoch = epoch}. */
    record NodeBonded(Instant at, long nodeId, String owner, String identityKey, Unym pledge, NodeCostParams costParams,
                      long epoch) implements LedgerEvent {
    }

    /** An action queued to the end of the epoch (its tokens, if any, are now held). */
    record EpochEventQueued(Instant at, PendingEpochEvent event) implements LedgerEvent {
    }

    /** An action queued to the end of the interval. */
    record IntervalEventQueued(Instant at, PendingIntervalEvent event) implements LedgerEvent {
    }

    record OperatorRewardWithdrawn(Instant at, long nodeId, String owner, Unym paid, Decimal operatorAfter)
            implements LedgerEvent {
    }

    /** {@code accrued} is the reward {@code r}; {@code floor(r)} was paid and the fraction is gone. */
    record DelegatorRewardWithdrawn(Instant at, long nodeId, String owner, Decimal accrued, Unym paid,
                                    Decimal delegatesAfter, Decimal cumulativeRewardRatioAfter) implements LedgerEvent {
    }

    record RewardingParamsUpdated(Instant at, Long pendingEventId, RewardingParamsUpdate update, RewardingParams paramsAfter)
            implements LedgerEvent {
    }

    record IntervalConfigUpdated(Instant at, Long pendingEventId, int epochsInInterval, Duration epochLength,
                                 RewardingParams paramsAfter, IntervalClock clockAfter) implements LedgerEvent {
    }

    record ActiveSetUpdated(Instant at, Long pendingEventId, ActiveSetUpdate update, RewardingParams paramsAfter)
            implements LedgerEvent {
    }

    record ContractSettingsUpdated(Instant at, ContractSettings settings) implements LedgerEvent {
    }

    /** A queued active set change that no longer fits the rewarded set size when its epoch ended. */
    record ActiveSetChangeDropped(Instant at, long pendingEventId, ActiveSetUpdate update, String reason) implements LedgerEvent {
    }

    /**
     * The budget of one epoch: {@code B}, plus the fee-income share when that extension is on.
     *
     * @param mixMining the params' epoch budget {@code B}
     * @param fromFees  {@code F * s} of {@link FeeDistribution}, else 0
     * @param total     {@code mixMining + fromFees}, the {@code B} every node reward of this epoch used
     */
    record EpochBudget(Decimal mixMining, Decimal fromFees, Decimal total) {
        public EpochBudget {
            if (!mixMining.plus(fromFees).equals(total)) {
                throw new IllegalStateException("budget " + total + " != " + mixMining + " + " + fromFees);
            }
        }
    }

    /** What happened to one entry of the rewarded set, with the inputs it was rewarded on. */
    sealed interface NodeEpochResult {
        long nodeId();

        Percent performance();

        Decimal workFactor();
    }

    /**
     * @param costParams the cost params used, after clamping to the current ranges (and stored as such)
     * @param split      node reward, operating cost part, operator part, delegates part
     */
    record NodeRewarded(long nodeId, Percent performance, Decimal workFactor, NodeCostParams costParams, RewardSplit split,
                        Decimal operatorAfter, Decimal delegatesAfter, Decimal totalUnitRewardAfter) implements NodeEpochResult {
    }

    /** Performance or work was zero: only the last rewarded epoch moved. */
    record NodeIdle(long nodeId, Percent performance, Decimal workFactor) implements NodeEpochResult {
    }

    /** Unknown or unbonded node: nothing happened. */
    record NodeNotRewardable(long nodeId, Percent performance, Decimal workFactor) implements NodeEpochResult {
    }

    /** A fee credit paid into a gateway operator's {@code O}. */
    record GatewayCredited(long nodeId, Unym credit, Decimal operatorAfter) {
    }

    /**
     * The rewarding of one epoch, in ascending node id. {@code distributed + unclaimed == budget.total} and, per
     * node, {@code operator + delegates == node reward} hold exactly (checked when computed).
     *
     * @param fees            the fee split, or {@code null} when no fee income was applied
     * @param gatewayCredits  the credits of {@code fees} and the operator values after them
     * @param poolChangeAfter the interval's pool change including this epoch
     */
    record EpochRewarded(Instant at, long epochId, EpochBudget budget, List<NodeEpochResult> nodes, Decimal distributed,
                         Decimal unclaimed, FeeDistribution fees, List<GatewayCredited> gatewayCredits,
                         PoolChange poolChangeAfter) implements LedgerEvent {
        public EpochRewarded {
            nodes = List.copyOf(nodes);
            gatewayCredits = List.copyOf(gatewayCredits);
            Objects.requireNonNull(poolChangeAfter, "poolChangeAfter");
        }
    }

    /**
     * A queued delegation took effect. When the owner already had a delegation on the node, it was undelegated first
     * and its truncated value {@code foldedIn} became part of the new {@code principal}.
     */
    record DelegationAdded(Instant at, long pendingEventId, long nodeId, String owner, Unym deposited, Unym foldedIn,
                           Unym principal, Decimal cumulativeRewardRatio, Decimal operatorAfter, Decimal delegatesAfter,
                           int uniqueDelegationsAfter, long epoch) implements LedgerEvent {
    }

    /**
     * A run of consecutive {@link DelegationAdded} of one closing, in their FIFO order (issue 15 item 7): a closing that
     * applies at least {@code EpochClosing.PACK_FROM} queued delegations in a row records them in chunks of at most
     * {@code EpochClosing.PACK_SIZE}, so that 100,000 delegations taking effect at one boundary are some tens of events
     * in the log and on the topic instead of 100,000. Applying it applies each inner event in order, exactly as if they
     * had been recorded one by one.
     */
    record DelegationsAdded(Instant at, List<DelegationAdded> added) implements LedgerEvent {
        public DelegationsAdded {
            added = List.copyOf(added);
            if (added.isEmpty()) {
                throw new IllegalArgumentException("an empty run of delegations");
            }
        }
    }

    /** A queued delegation targeted a node that unbonded or started unbonding meanwhile: the tokens went back. */
    record DelegationReturned(Instant at, long pendingEventId, long nodeId, String owner, Unym returned)
            implements LedgerEvent {
    }

    /**
     * A delegation was undelegated: {@code paid = floor(principal + accrued)}. When it was the last one, the node's
     * leftover {@code D} dust moved to {@code O}; on an unbonded node the record then went away.
     */
    record DelegationRemoved(Instant at, long pendingEventId, long nodeId, String owner, Unym principal, Decimal accrued,
                             Unym paid, Decimal operatorAfter, Decimal delegatesAfter, int uniqueDelegationsAfter,
                             boolean nodeRecordRemoved) implements LedgerEvent {
    }

    record PledgeIncreased(Instant at, long pendingEventId, long nodeId, Unym amount, Unym pledgeAfter, Decimal operatorAfter)
            implements LedgerEvent {
    }

    /** The decrease was paid back to the operator. */
    record PledgeDecreased(Instant at, long pendingEventId, long nodeId, Unym amount, Unym pledgeAfter, Decimal operatorAfter)
            implements LedgerEvent {
    }

    /** The operator was paid {@code floor(O)}; the record stays (with {@code O = 0}) while delegations remain. */
    record NodeUnbonded(Instant at, long pendingEventId, long nodeId, String owner, Unym paid, boolean rewardingRecordKept,
                        long epoch) implements LedgerEvent {
    }

    record CostParamsChanged(Instant at, long pendingEventId, long nodeId, NodeCostParams costParams) implements LedgerEvent {
    }

    /** A queued cost change for a node that no longer holds a bond. */
    record CostParamsChangeDropped(Instant at, long pendingEventId, long nodeId) implements LedgerEvent {
    }

    /** Interval end: {@code applied} left / entered the pool and the params were recomputed. */
    record IntervalRolledOver(Instant at, long intervalId, PoolChange applied, RewardingParams paramsAfter)
            implements LedgerEvent {
    }

    /** The last event of every epoch close. */
    record EpochAdvanced(Instant at, long closedEpochId, IntervalClock clockAfter) implements LedgerEvent {
    }
}
