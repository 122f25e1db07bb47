package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The supply equation checked from scratch (issue 15, ADR 0014): every balance, queued request, node record and
 * delegation counted again and compared with {@link Supply}'s running totals, and the equation
 * {@code total_supply + fees_received = liquid + escrowed + staked + reward_pool + dust} evaluated exactly.
 * O(accounts + nodes + delegations + queued events): run at every closing, by a rebuild and by the audit.
 */
public final class SupplyCheck {

    private SupplyCheck() {
    }

    /** What is wrong, or empty when every total recounts and the equation holds (always empty for an unfunded ledger). */
    public static Optional<String> problem(MixnetLedger ledger) {
        if (!ledger.isInitialized() || !ledger.globals().funded()) {
            return Optional.empty();
        }
        Supply s = ledger.globals().supply();
        List<String> problems = new ArrayList<>();
        Unym liquid = Unym.ZERO;
        BigInteger hash = BigInteger.ZERO;
        for (Map.Entry<String, Unym> e : ledger.balances().entrySet()) {
            liquid = liquid.plus(e.getValue());
            hash = Supply.rehash(hash, e.getKey(), Unym.ZERO, e.getValue());
        }
        Unym escrowed = Unym.ZERO;
        for (PendingEpochEvent p : ledger.pendingEpochEvents().values()) {
            switch (p) {
                case PendingEpochEvent.DelegationRequest d -> escrowed = escrowed.plus(d.amount());
                case PendingEpochEvent.PledgeIncrease i -> escrowed = escrowed.plus(i.amount());
                default -> { }
            }
        }
        Decimal staked = Decimal.ZERO;
        Unym principal = Unym.ZERO;
        for (NodeRecord n : ledger.nodes().values()) {
            staked = staked.plus(n.rewarding().operator()).plus(n.rewarding().delegates());
            principal = switch (n.bond()) {
                case NodeBond.Bonded b -> principal.plus(b.originalPledge());
                case NodeBond.Unbonding u -> principal.plus(u.originalPledge());
                case NodeBond.Unbonded u -> principal;
            };
        }
        for (Delegation d : ledger.delegations().values()) {
            principal = principal.plus(d.amount());
        }
        compare(problems, "liquid", liquid, s.liquid());
        compare(problems, "escrowed", escrowed, s.escrowed());
        compare(problems, "staked", staked, s.staked());
        compare(problems, "principal", principal, s.principal());
        if (!hash.equals(s.balancesHash())) {
            problems.add("the balances do not hash to the recorded balances hash");
        }
        Decimal pool = Supply.rewardPool(ledger.globals());
        Decimal accounted = liquid.toDecimal().plus(escrowed.toDecimal()).plus(staked).plus(pool).plus(s.dust());
        if (!accounted.equals(s.inflow())) {
            problems.add("total supply " + s.totalSupply() + " + fees received " + s.feesReceived() + " = " + s.inflow()
                    + ", but liquid " + liquid + " + escrowed " + escrowed + " + staked " + staked + " + reward pool " + pool
                    + " + dust " + s.dust() + " = " + accounted);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /**
     * Whether one recorded event, applied to {@code ledger}, keeps every token somewhere (the check a decision gets
     * before it is recorded, {@link SupplyAccounting#verify}): what is wrong, or empty. For audits of a recorded log.
     */
    public static Optional<String> eventProblem(MixnetLedger ledger, LedgerEvent event) {
        try {
            SupplyAccounting.verify(ledger, java.util.List.of(event));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void compare(List<String> problems, String name, Object recounted, Object recorded) {
        if (!recounted.equals(recorded)) {
            problems.add(name + " recounts to " + recounted + " but the running total is " + recorded);
        }
    }
}
