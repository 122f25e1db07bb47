package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import java.time.Instant;
import java.util.Optional;

/**
 * What each queued event does when its epoch (or interval) ends, computed on the state left by everything before it.
 * A request whose target went away meanwhile is resolved without effect (tokens returned), as in the contract; a
 * state the queue rules make impossible is an {@link IllegalStateException}.
 */
final class PendingEventReconciliation {

    private PendingEventReconciliation() {
    }

    static LedgerEvent epochEvent(PendingEpochEvent pending, Instant now, long epoch, LedgerStore work) {
        return switch (pending) {
            case PendingEpochEvent.DelegationRequest p -> delegate(p, now, epoch, work);
            case PendingEpochEvent.UndelegationRequest p -> undelegate(p, now, work);
            case PendingEpochEvent.PledgeIncrease p -> {
                NodeRecord node = requireNode(work, p.nodeId(), p);
                NodeBond.Bonded bond = requireBonded(node, p);
                yield new PledgeIncreased(now, p.id(), p.nodeId(), p.amount(), bond.originalPledge().plus(p.amount()),
                        node.rewarding().operator().plus(p.amount().toDecimal()));
            }
            case PendingEpochEvent.PledgeDecrease p -> {
                NodeRecord node = requireNode(work, p.nodeId(), p);
                NodeBond.Bonded bond = requireBonded(node, p);
                yield new PledgeDecreased(now, p.id(), p.nodeId(), p.amount(), bond.originalPledge().minus(p.amount()),
                        node.rewarding().operator().minus(p.amount().toDecimal()));
            }
            case PendingEpochEvent.UnbondRequest p -> {
                NodeRecord node = requireNode(work, p.nodeId(), p);
                if (!(node.bond() instanceof NodeBond.Unbonding unbonding)) {
                    throw new IllegalStateException("unbond request " + p.id() + " for node " + p.nodeId() + " that is not unbonding");
                }
                yield new NodeUnbonded(now, p.id(), p.nodeId(), unbonding.owner(), Unym.floorOf(node.rewarding().operator()),
                        node.rewarding().uniqueDelegations() > 0, epoch);
            }
            case PendingEpochEvent.ActiveSetChange p -> {
                RewardingParams params = work.globals().params();
                Optional<String> problem = p.update().problem(params.rewardedSet());
                yield problem.<LedgerEvent>map(reason -> new ActiveSetChangeDropped(now, p.id(), p.update(), reason))
                        .orElseGet(() -> new ActiveSetUpdated(now, p.id(), p.update(), params.withActiveSet(p.update())));
            }
        };
    }

    static LedgerEvent intervalEvent(PendingIntervalEvent pending, Instant now, LedgerStore work) {
        LedgerGlobals g = work.globals();
        return switch (pending) {
            case PendingIntervalEvent.CostParamsChange p -> work.node(p.nodeId())
                    .filter(n -> n.bond().holdsPledge())
                    .<LedgerEvent>map(n -> new CostParamsChanged(now, p.id(), p.nodeId(), p.costParams()))
                    .orElseGet(() -> new CostParamsChangeDropped(now, p.id(), p.nodeId()));
            case PendingIntervalEvent.RewardingParamsChange p ->
                    new RewardingParamsUpdated(now, p.id(), p.update(), g.params().withUpdates(p.update()));
            case PendingIntervalEvent.IntervalConfigChange p -> new IntervalConfigUpdated(now, p.id(), p.epochsInInterval(),
                    p.epochLength(), g.params().withEpochsInInterval(p.epochsInInterval()),
                    g.clock().reconfigured(p.epochsInInterval(), p.epochLength()));
        };
    }

    /**
     * An existing delegation of the same owner is undelegated first and its truncated value {@code floor(A + r)}
     * joins the new principal (the fraction is lost); the new delegation starts at {@code S = T}.
     */
    private static LedgerEvent delegate(PendingEpochEvent.DelegationRequest p, Instant now, long epoch, LedgerStore work) {
        Optional<NodeRecord> target = work.node(p.nodeId());
        if (target.isEmpty() || !(target.get().bond() instanceof NodeBond.Bonded)) {
            return new DelegationReturned(now, p.id(), p.nodeId(), p.owner(), p.amount());
        }
        NodeRewarding rewarding = target.get().rewarding();
        Stake stake = new Stake(rewarding.operator(), rewarding.delegates(), rewarding.uniqueDelegations());
        Unym foldedIn = Unym.ZERO;
        Optional<Delegation> existing = work.delegation(new DelegationKey(p.nodeId(), p.owner()));
        if (existing.isPresent()) {
            Decimal value = existing.get().amount().toDecimal()
                    .plus(rewarding.delegationReward(existing.get().amount(), existing.get().cumulativeRewardRatio()));
            stake = stake.without(value);
            foldedIn = Unym.floorOf(value);
        }
        Unym principal = p.amount().plus(foldedIn);
        stake = new Stake(stake.operator, stake.delegates.plus(principal.toDecimal()), stake.delegations + 1);
        return new DelegationAdded(now, p.id(), p.nodeId(), p.owner(), p.amount(), foldedIn, principal,
                rewarding.totalUnitReward(), stake.operator, stake.delegates, stake.delegations, epoch);
    }

    /** Pays {@code floor(A + r)}. */
    private static LedgerEvent undelegate(PendingEpochEvent.UndelegationRequest p, Instant now, LedgerStore work) {
        NodeRecord node = requireNode(work, p.nodeId(), p);
        Delegation delegation = work.delegation(new DelegationKey(p.nodeId(), p.owner())).orElseThrow(() ->
                new IllegalStateException("undelegation " + p.id() + " of a delegation that does not exist"));
        NodeRewarding rewarding = node.rewarding();
        Decimal reward = rewarding.delegationReward(delegation.amount(), delegation.cumulativeRewardRatio());
        Decimal value = delegation.amount().toDecimal().plus(reward);
        Stake stake = new Stake(rewarding.operator(), rewarding.delegates(), rewarding.uniqueDelegations()).without(value);
        // Deliberate difference: on an unbonded node the contract would keep a record holding the dust in O that no
        // one can ever claim; here the record goes away with its last delegation.
        boolean removeRecord = stake.delegations == 0 && node.bond() instanceof NodeBond.Unbonded;
        return new DelegationRemoved(now, p.id(), p.nodeId(), p.owner(), delegation.amount(), reward, Unym.floorOf(value),
                stake.operator, stake.delegates, stake.delegations, removeRecord);
    }

    /** O, D and the delegation count of a node while a delegation is taken off or put on. */
    private record Stake(Decimal operator, Decimal delegates, int delegations) {
        /** {@code D -= value}; when the last delegation leaves, the leftover dust in {@code D} moves to {@code O}. */
        Stake without(Decimal value) {
            Decimal remaining = delegates.minus(value);
            int count = delegations - 1;
            return count == 0 ? new Stake(operator.plus(remaining), Decimal.ZERO, 0) : new Stake(operator, remaining, count);
        }
    }

    private static NodeRecord requireNode(LedgerStore work, long nodeId, PendingEpochEvent p) {
        return work.node(nodeId).orElseThrow(() ->
                new IllegalStateException("queued event " + p.id() + " refers to node " + nodeId + " that does not exist"));
    }

    private static NodeBond.Bonded requireBonded(NodeRecord node, PendingEpochEvent p) {
        if (node.bond() instanceof NodeBond.Bonded b) {
            return b;
        }
        throw new IllegalStateException("queued pledge change " + p.id() + " for node " + node.nodeId() + " that is not bonded");
    }
}
