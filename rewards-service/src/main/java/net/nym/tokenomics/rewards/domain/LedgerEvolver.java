package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.PoolChange;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * {@code evolve(state, event)}: applies the results an event records. It never computes a formula (beyond the running
 * sums of where the tokens are, {@link SupplyAccounting}), never validates
 * and never throws for a well-formed event; an event about a node or delegation that is not there changes nothing.
 * It mutates the ledger it is given (see {@link MixnetLedger} on ownership) and returns it.
 */
public final class LedgerEvolver {

    private LedgerEvolver() {
    }

    public static MixnetLedger evolve(MixnetLedger ledger, LedgerEvent event) {
        apply(ledger.store(), event);
        return ledger;
    }

    /** Folds events, in order, into a new ledger. */
    public static MixnetLedger fold(List<LedgerEvent> events) {
        return foldInto(MixnetLedger.empty(), events);
    }

    public static MixnetLedger foldInto(MixnetLedger ledger, List<LedgerEvent> events) {
        for (LedgerEvent event : events) {
            apply(ledger.store(), event);
        }
        return ledger;
    }

    static void apply(LedgerStore s, LedgerEvent event) {
        // a funded ledger's token movements are read from the state before the event (SupplyAccounting)
        Optional<SupplyAccounting.Flow> flow = SupplyAccounting.start(s, event);
        applyState(s, event);
        flow.ifPresent(f -> s.setGlobals(s.globals().withSupply(f.finish())));
    }

    private static void applyState(LedgerStore s, LedgerEvent event) {
        switch (event) {
            case LedgerInitialized e -> s.setGlobals(new LedgerGlobals(e.params(), e.clock(), e.settings(), PoolChange.NONE, 1, 1, null));
            case GenesisAllocated e -> s.setGlobals(s.globals().withSupply(SupplyAccounting.genesis(s, e)));
            case TokensTransferred e -> { }
            case NodeBonded e -> {
                s.putNode(new NodeRecord(e.nodeId(),
                        new NodeBond.Bonded(e.owner(), e.identityKey(), e.pledge(), e.epoch(), OptionalLong.empty()),
                        NodeRewarding.initial(e.costParams(), e.pledge(), e.epoch())));
                s.setGlobals(s.globals().withNextNodeId(e.nodeId() + 1));
            }
            case EpochEventQueued e -> {
                PendingEpochEvent pending = e.event();
                s.putPendingEpochEvent(pending);
                s.setGlobals(s.globals().withNextPendingEventId(pending.id() + 1));
                switch (pending) {
                    case PendingEpochEvent.PledgeIncrease p -> markPledgeChange(s, p.nodeId(), p.id());
                    case PendingEpochEvent.PledgeDecrease p -> markPledgeChange(s, p.nodeId(), p.id());
                    case PendingEpochEvent.UnbondRequest p -> updateNode(s, p.nodeId(), n -> n.bond() instanceof NodeBond.Bonded b
                            ? n.withBond(new NodeBond.Unbonding(b.owner(), b.identityKey(), b.originalPledge(), b.bondedAtEpoch(), p.id()))
                            : n);
                    case PendingEpochEvent.DelegationRequest p -> { }
                    case PendingEpochEvent.UndelegationRequest p -> { }
                    case PendingEpochEvent.ActiveSetChange p -> { }
                }
            }
            case IntervalEventQueued e -> {
                s.putPendingIntervalEvent(e.event());
                s.setGlobals(s.globals().withNextPendingEventId(e.event().id() + 1));
            }
            case OperatorRewardWithdrawn e ->
                    updateNode(s, e.nodeId(), n -> n.withRewarding(n.rewarding().withOperator(e.operatorAfter())));
            case DelegatorRewardWithdrawn e -> {
                updateNode(s, e.nodeId(), n -> n.withRewarding(n.rewarding().withDelegates(e.delegatesAfter())));
                s.delegation(new DelegationKey(e.nodeId(), e.owner()))
                        .ifPresent(d -> s.putDelegation(d.withCumulativeRewardRatio(e.cumulativeRewardRatioAfter())));
            }
            case RewardingParamsUpdated e -> {
                s.setGlobals(s.globals().withParams(e.paramsAfter()));
                resolveInterval(s, e.pendingEventId());
            }
            case IntervalConfigUpdated e -> {
                s.setGlobals(s.globals().withParams(e.paramsAfter()).withClock(e.clockAfter()));
                resolveInterval(s, e.pendingEventId());
            }
            case ActiveSetUpdated e -> {
                s.setGlobals(s.globals().withParams(e.paramsAfter()));
                if (e.pendingEventId() != null) {
                    s.removePendingEpochEvent(e.pendingEventId());
                }
            }
            case ContractSettingsUpdated e -> s.setGlobals(s.globals().withSettings(e.settings()));
            case ActiveSetChangeDropped e -> s.removePendingEpochEvent(e.pendingEventId());
            case EpochRewarded e -> applyEpochRewarded(s, e);
            case DelegationAdded e -> {
                updateNode(s, e.nodeId(), n -> n.withRewarding(
                        n.rewarding().withStake(e.operatorAfter(), e.delegatesAfter(), e.uniqueDelegationsAfter())));
                s.putDelegation(new Delegation(e.nodeId(), e.owner(), e.principal(), e.cumulativeRewardRatio(), e.epoch()));
                s.removePendingEpochEvent(e.pendingEventId());
            }
            case DelegationsAdded e -> {
                // each inner event through apply, so that its token movements are accounted one by one
                for (DelegationAdded added : e.added()) {
                    apply(s, added);
                }
            }
            case DelegationReturned e -> s.removePendingEpochEvent(e.pendingEventId());
            case DelegationRemoved e -> {
                if (e.nodeRecordRemoved()) {
                    s.removeNode(e.nodeId());
                } else {
                    updateNode(s, e.nodeId(), n -> n.withRewarding(
                            n.rewarding().withStake(e.operatorAfter(), e.delegatesAfter(), e.uniqueDelegationsAfter())));
                }
                s.removeDelegation(new DelegationKey(e.nodeId(), e.owner()));
                s.removePendingEpochEvent(e.pendingEventId());
            }
            case PledgeIncreased e -> applyPledgeChange(s, e.nodeId(), e.pendingEventId(), e.pledgeAfter(), e.operatorAfter());
            case PledgeDecreased e -> applyPledgeChange(s, e.nodeId(), e.pendingEventId(), e.pledgeAfter(), e.operatorAfter());
            case NodeUnbonded e -> {
                if (e.rewardingRecordKept()) {
                    updateNode(s, e.nodeId(), n -> new NodeRecord(n.nodeId(), new NodeBond.Unbonded(e.owner(), e.epoch()),
                            n.rewarding().withOperator(Decimal.ZERO)));
                } else {
                    s.removeNode(e.nodeId());
                }
                s.removePendingEpochEvent(e.pendingEventId());
            }
            case CostParamsChanged e -> {
                updateNode(s, e.nodeId(), n -> n.withRewarding(n.rewarding().withCostParams(e.costParams())));
                s.removePendingIntervalEvent(e.pendingEventId());
            }
            case CostParamsChangeDropped e -> s.removePendingIntervalEvent(e.pendingEventId());
            case IntervalRolledOver e ->
                    s.setGlobals(s.globals().withParams(e.paramsAfter()).withPendingPoolChange(PoolChange.NONE));
            case EpochAdvanced e -> s.setGlobals(s.globals().withClock(e.clockAfter()));
        }
    }

    private static void applyEpochRewarded(LedgerStore s, EpochRewarded e) {
        for (NodeEpochResult result : e.nodes()) {
            switch (result) {
                case NodeRewarded r -> updateNode(s, r.nodeId(), n -> n.withRewarding(n.rewarding()
                        .withCostParams(r.costParams())
                        .withTotals(r.operatorAfter(), r.delegatesAfter(), r.totalUnitRewardAfter())
                        .withLastRewardedEpoch(e.epochId())));
                case NodeIdle r -> updateNode(s, r.nodeId(), n -> n.withRewarding(n.rewarding().withLastRewardedEpoch(e.epochId())));
                case NodeNotRewardable r -> { }
            }
        }
        for (GatewayCredited credit : e.gatewayCredits()) {
            updateNode(s, credit.nodeId(), n -> n.withRewarding(n.rewarding().withOperator(credit.operatorAfter())));
        }
        s.setGlobals(s.globals().withPendingPoolChange(e.poolChangeAfter()));
    }

    private static void markPledgeChange(LedgerStore s, long nodeId, long eventId) {
        updateNode(s, nodeId, n -> n.bond() instanceof NodeBond.Bonded b ? n.withBond(b.withPendingPledgeChange(eventId)) : n);
    }

    private static void applyPledgeChange(LedgerStore s, long nodeId, long pendingEventId,
                                          net.nym.tokenomics.eventlog.decimal.Unym pledgeAfter, Decimal operatorAfter) {
        updateNode(s, nodeId, n -> {
            NodeRecord updated = n.withRewarding(n.rewarding().withOperator(operatorAfter));
            return n.bond() instanceof NodeBond.Bonded b ? updated.withBond(b.withPledge(pledgeAfter)) : updated;
        });
        s.removePendingEpochEvent(pendingEventId);
    }

    private static void resolveInterval(LedgerStore s, Long pendingEventId) {
        if (pendingEventId != null) {
            s.removePendingIntervalEvent(pendingEventId);
        }
    }

    private static void updateNode(LedgerStore s, long nodeId, UnaryOperator<NodeRecord> change) {
        s.node(nodeId).ifPresent(n -> s.putNode(change.apply(n)));
    }
}
