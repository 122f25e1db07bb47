package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerRejection.AmountProblem;
import net.nym.tokenomics.rewards.domain.rewarding.CostParamRanges;
import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;

import java.math.BigInteger;

/** Input and state checks shared by the deciders; each either returns the checked value or throws {@link Refused}. */
final class LedgerChecks {

    private LedgerChecks() {
    }

    static void require(boolean condition, LedgerRejection otherwise) {
        if (!condition) {
            throw new Refused(otherwise);
        }
    }

    static String account(String field, String value) {
        require(value != null && !value.isBlank(), new LedgerRejection.MissingAccount(field));
        return value;
    }

    /** A token amount: positive and at most {@link Unym#TOKEN_SUPPLY}. */
    static Unym amount(String field, BigInteger value) {
        require(value != null && value.signum() >= 0, new LedgerRejection.InvalidAmount(field, value, AmountProblem.NEGATIVE));
        require(value.signum() > 0, new LedgerRejection.InvalidAmount(field, value, AmountProblem.ZERO));
        require(value.compareTo(Unym.TOKEN_SUPPLY.amount()) <= 0,
                new LedgerRejection.InvalidAmount(field, value, AmountProblem.ABOVE_TOKEN_SUPPLY));
        return new Unym(value);
    }

    /**
     * The account's liquid balance pays {@code amount} (issue 15): refused with what it holds otherwise. An unfunded
     * ledger (a log from before accounts) holds nothing, so it pays nothing.
     */
    static void covers(MixnetLedger ledger, String field, String account, Unym amount) {
        Unym balance = ledger.globals().funded() ? ledger.balance(account) : Unym.ZERO;
        require(balance.compareTo(amount) >= 0, new LedgerRejection.InsufficientBalance(field, account, balance, amount));
    }

    static NodeCostParams costParams(LedgerCommand.CostParamsInput input, CostParamRanges ranges) {
        Decimal pm = input.profitMargin();
        boolean pmFits = pm.compareTo(Decimal.ONE) <= 0 && ranges.allowsProfitMargin(Percent.of(pm));
        require(pmFits, new LedgerRejection.ProfitMarginOutOfRange(pm, ranges.minProfitMargin(), ranges.maxProfitMargin()));
        BigInteger cost = input.intervalOperatingCost();
        boolean costFits = cost.signum() >= 0 && cost.compareTo(Decimal.MAX_ATOMICS) <= 0 && ranges.allowsOperatingCost(new Unym(cost));
        require(costFits, new LedgerRejection.OperatingCostOutOfRange(cost, ranges.minOperatingCost(), ranges.maxOperatingCost()));
        return new NodeCostParams(Percent.of(pm), new Unym(cost));
    }

    static NodeRecord existingNode(MixnetLedger ledger, long nodeId) {
        return ledger.node(nodeId).orElseThrow(() -> new Refused(new LedgerRejection.NodeNotFound(nodeId)));
    }

    /** A node the actor owns (or owned, if unbonded). */
    static NodeRecord ownedNode(MixnetLedger ledger, long nodeId, String actor) {
        account("actor", actor);
        NodeRecord node = existingNode(ledger, nodeId);
        require(node.bond().owner().equals(actor), new LedgerRejection.NotNodeOwner(nodeId, actor));
        return node;
    }

    /** The bond of a node that is bonded and not unbonding. */
    static NodeBond.Bonded bonded(NodeRecord node) {
        return switch (node.bond()) {
            case NodeBond.Bonded b -> b;
            case NodeBond.Unbonding u -> throw new Refused(new LedgerRejection.NodeIsUnbonding(node.nodeId()));
            case NodeBond.Unbonded u -> throw new Refused(new LedgerRejection.NodeNotBonded(node.nodeId()));
        };
    }

    static void noPendingPledgeChange(NodeRecord node, NodeBond.Bonded bond) {
        bond.pendingPledgeChange().ifPresent(id -> {
            throw new Refused(new LedgerRejection.PendingPledgeChange(node.nodeId(), id));
        });
    }
}
