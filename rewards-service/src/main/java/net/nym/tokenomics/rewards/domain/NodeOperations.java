package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;

import static net.nym.tokenomics.rewards.domain.LedgerChecks.*;

/** Operator actions: bond, pledge changes, unbond, cost params, operator reward withdrawal. */
final class NodeOperations {

    private NodeOperations() {
    }

    static Decision bond(BondNode c, MixnetLedger ledger) {
        LedgerGlobals g = ledger.globals();
        String owner = account("owner", c.owner());
        String identity = account("identity_key", c.identityKey());
        Unym pledge = amount("pledge", c.pledge());
        require(pledge.compareTo(g.settings().minimumPledge()) >= 0,
                new LedgerRejection.PledgeBelowMinimum(c.pledge(), g.settings().minimumPledge()));
        NodeCostParams cost = costParams(c.costParams(), g.settings().costParamRanges());
        require(c.bondingNonce() == g.nextNodeId(), new LedgerRejection.StaleBondingNonce(c.bondingNonce(), g.nextNodeId()));
        ledger.bondedNodeOf(owner).ifPresent(id -> {
            throw new Refused(new LedgerRejection.AlreadyBonded(owner, id));
        });
        ledger.bondedNodeWithIdentity(identity).ifPresent(id -> {
            throw new Refused(new LedgerRejection.IdentityKeyInUse(identity, id));
        });
        covers(ledger, "pledge", owner, pledge);
        return Decision.accept(new NodeBonded(c.now(), g.nextNodeId(), owner, identity, pledge, cost, g.currentEpoch()));
    }

    static Decision pledgeMore(PledgeMore c, MixnetLedger ledger) {
        NodeRecord node = ownedNode(ledger, c.nodeId(), c.actor());
        NodeBond.Bonded bond = bonded(node);
        noPendingPledgeChange(node, bond);
        Unym amount = amount("amount", c.amount());
        covers(ledger, "amount", c.actor(), amount);
        long id = ledger.globals().nextPendingEventId();
        return Decision.accept(new EpochEventQueued(c.now(), new PendingEpochEvent.PledgeIncrease(id, c.now(), c.nodeId(), amount)));
    }

    static Decision decreasePledge(DecreasePledge c, MixnetLedger ledger) {
        NodeRecord node = ownedNode(ledger, c.nodeId(), c.actor());
        NodeBond.Bonded bond = bonded(node);
        noPendingPledgeChange(node, bond);
        Unym amount = amount("amount", c.amount());
        Unym minimum = ledger.globals().settings().minimumPledge();
        boolean leavesMinimum = bond.originalPledge().compareTo(amount) >= 0
                && bond.originalPledge().minus(amount).compareTo(minimum) >= 0;
        require(leavesMinimum, new LedgerRejection.InvalidPledgeReduction(c.nodeId(), bond.originalPledge(), c.amount(), minimum));
        long id = ledger.globals().nextPendingEventId();
        return Decision.accept(new EpochEventQueued(c.now(), new PendingEpochEvent.PledgeDecrease(id, c.now(), c.nodeId(), amount)));
    }

    static Decision unbond(UnbondNode c, MixnetLedger ledger) {
        NodeRecord node = ownedNode(ledger, c.nodeId(), c.actor());
        NodeBond.Bonded bond = bonded(node);
        noPendingPledgeChange(node, bond);
        long id = ledger.globals().nextPendingEventId();
        return Decision.accept(new EpochEventQueued(c.now(), new PendingEpochEvent.UnbondRequest(id, c.now(), c.nodeId())));
    }

    static Decision changeCostParams(ChangeCostParams c, MixnetLedger ledger) {
        NodeRecord node = ownedNode(ledger, c.nodeId(), c.actor());
        bonded(node);
        NodeCostParams cost = costParams(c.costParams(), ledger.globals().settings().costParamRanges());
        long id = ledger.globals().nextPendingEventId();
        return Decision.accept(new IntervalEventQueued(c.now(), new PendingIntervalEvent.CostParamsChange(id, c.now(), c.nodeId(), cost)));
    }

    /** Pays {@code floor(O - pledge)} and resets {@code O} to the pledge; the fraction below 1 uNYM is dropped. */
    static Decision withdrawOperatorReward(WithdrawOperatorReward c, MixnetLedger ledger) {
        NodeRecord node = ownedNode(ledger, c.nodeId(), c.actor());
        NodeBond.Bonded bond = bonded(node);
        Decimal pledge = bond.originalPledge().toDecimal();
        Decimal reward = node.rewarding().operator().minus(pledge);
        Unym paid = Unym.floorOf(reward);
        // Deliberate difference: the contract accepts a withdrawal that pays 0 and drops the fraction; refusing it
        // keeps the fraction compounding and tells the caller there was nothing to withdraw.
        require(!paid.isZero(), new LedgerRejection.NothingToWithdraw(c.nodeId(), c.actor(), reward));
        return Decision.accept(new OperatorRewardWithdrawn(c.now(), c.nodeId(), c.actor(), paid, pledge));
    }
}
