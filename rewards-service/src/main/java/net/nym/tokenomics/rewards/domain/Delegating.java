package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;

import static net.nym.tokenomics.rewards.domain.LedgerChecks.*;

/** Delegator actions: delegate and undelegate (queued to the epoch end) and reward withdrawal (immediate). */
final class Delegating {

    private Delegating() {
    }

    static Decision delegate(Delegate c, MixnetLedger ledger) {
        String delegator = account("delegator", c.delegator());
        Unym amount = amount("amount", c.amount());
        bonded(existingNode(ledger, c.nodeId()));
        covers(ledger, "amount", delegator, amount);
        long id = ledger.globals().nextPendingEventId();
        return Decision.accept(new EpochEventQueued(c.now(),
                new PendingEpochEvent.DelegationRequest(id, c.now(), delegator, c.nodeId(), amount)));
    }

    static Decision undelegate(Undelegate c, MixnetLedger ledger) {
        String delegator = account("delegator", c.delegator());
        existingNode(ledger, c.nodeId());
        require(ledger.delegation(c.nodeId(), delegator).isPresent(), new LedgerRejection.DelegationNotFound(c.nodeId(), delegator));
        // The contract queues a second request and ignores it at reconciliation; refusing it is clearer.
        for (PendingEpochEvent pending : ledger.pendingEpochEvents().values()) {
            if (pending instanceof PendingEpochEvent.UndelegationRequest u && u.nodeId() == c.nodeId() && u.owner().equals(delegator)) {
                throw new Refused(new LedgerRejection.UndelegationAlreadyPending(c.nodeId(), delegator, u.id()));
            }
        }
        long id = ledger.globals().nextPendingEventId();
        return Decision.accept(new EpochEventQueued(c.now(),
                new PendingEpochEvent.UndelegationRequest(id, c.now(), delegator, c.nodeId())));
    }

    /** Pays {@code floor(r)}, {@code D -= r}, {@code S = T}; {@code A} is unchanged. */
    static Decision withdrawReward(WithdrawDelegatorReward c, MixnetLedger ledger) {
        String delegator = account("delegator", c.delegator());
        NodeRecord node = existingNode(ledger, c.nodeId());
        Delegation delegation = ledger.delegation(c.nodeId(), delegator)
                .orElseThrow(() -> new Refused(new LedgerRejection.DelegationNotFound(c.nodeId(), delegator)));
        bonded(node);
        NodeRewarding rewarding = node.rewarding();
        Decimal reward = rewarding.delegationReward(delegation.amount(), delegation.cumulativeRewardRatio());
        Unym paid = Unym.floorOf(reward);
        // Deliberate difference, as for operators: a withdrawal that would pay 0 is refused instead of dropping r.
        require(!paid.isZero(), new LedgerRejection.NothingToWithdraw(c.nodeId(), delegator, reward));
        return Decision.accept(new DelegatorRewardWithdrawn(c.now(), c.nodeId(), delegator, reward, paid,
                rewarding.delegates().minus(reward), rewarding.totalUnitReward()));
    }
}
