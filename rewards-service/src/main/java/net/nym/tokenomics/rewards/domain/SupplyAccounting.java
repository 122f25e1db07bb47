package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The token movements of each event of a funded ledger (issue 15, ADR 0014), applied by {@link LedgerEvolver}: the
 * balances it debits or credits, and the change it makes to each term of {@link Supply}'s equation. Every term's change
 * is taken from the event and the state before it; what the event makes disappear is its {@code dust}:
 * <pre>
 *   dust = d(fees_received) - (d(liquid) + d(escrowed) + d(staked) + d(reward_pool))
 * </pre>
 * A sound event leaves no dust, or less than 1 uNYM per payout it truncates ({@link #truncations}); {@link #verify}
 * checks that for every event a decision produces, so that no command and no closing can create or lose a token.
 */
final class SupplyAccounting {

    private SupplyAccounting() {
    }

    /** An event's movements so far: applied to the balances at once, to the supply when {@link #finish}ed. */
    static final class Flow {
        private final LedgerStore s;
        private final Supply before;
        private final Decimal poolBefore;
        private BigInteger liquid = BigInteger.ZERO;
        private BigInteger escrowed = BigInteger.ZERO;
        private BigInteger staked = BigInteger.ZERO;   // atomics
        private BigInteger principal = BigInteger.ZERO;
        private BigInteger fees = BigInteger.ZERO;
        private BigInteger hash;

        private Flow(LedgerStore s, Supply before) {
            this.s = s;
            this.before = before;
            this.poolBefore = Supply.rewardPool(s.globals());
            this.hash = before.balancesHash();
        }

        private void credit(String account, Unym amount) {
            Unym was = s.balance(account);
            Unym now = was.plus(amount);
            s.putBalance(account, now);
            hash = Supply.rehash(hash, account, was, now);
            liquid = liquid.add(amount.amount());
        }

        private void debit(String account, Unym amount) {
            Unym was = s.balance(account);
            if (was.compareTo(amount) < 0) {
                throw new IllegalStateException("account " + account + " holds " + was + " uNYM and cannot pay " + amount);
            }
            Unym now = was.minus(amount);
            s.putBalance(account, now);
            hash = Supply.rehash(hash, account, was, now);
            liquid = liquid.subtract(amount.amount());
        }

        /** The supply after the event, once its other effects are applied (the pool is read from the globals then). */
        Supply finish() {
            Decimal poolAfter = Supply.rewardPool(s.globals());
            BigInteger pool = poolAfter.atomics().subtract(poolBefore.atomics());
            BigInteger scale = Decimal.SCALE;
            BigInteger dust = fees.multiply(scale).subtract(liquid.multiply(scale).add(escrowed.multiply(scale)).add(staked).add(pool));
            BigInteger dustAfter = before.dust().atomics().add(dust);
            if (dustAfter.signum() < 0) {
                throw new IllegalStateException("the event creates " + Decimal.ofAtomics(dust.negate()) + " uNYM");
            }
            return before.with(
                    new Unym(before.liquid().amount().add(liquid)),
                    new Unym(before.escrowed().amount().add(escrowed)),
                    Decimal.ofAtomics(before.staked().atomics().add(staked)),
                    new Unym(before.principal().amount().add(principal)),
                    Decimal.ofAtomics(dustAfter),
                    new Unym(before.feesReceived().amount().add(fees)),
                    hash);
        }
    }

    /**
     * Starts accounting {@code event} on the state before it: moves its balances ({@link BalanceMovements}) and returns the flow to
     * {@link Flow#finish} after the event's other effects; empty for an unfunded ledger (and for the genesis itself,
     * which {@link #genesis} handles, and for a {@link DelegationsAdded}, whose inner events are each accounted as
     * {@link LedgerEvolver} applies them).
     */
    static Optional<Flow> start(LedgerStore s, LedgerEvent event) {
        LedgerGlobals g = s.globals();
        // a run of delegations is accounted per inner event, as LedgerEvolver applies each of them
        if (g == null || g.supply() == null || event instanceof GenesisAllocated || event instanceof DelegationsAdded) {
            return Optional.empty();
        }
        Flow f = new Flow(s, g.supply());
        for (BalanceMovements.Movement m : BalanceMovements.of(event, nodeId -> ownerOf(s, nodeId))) {
            if (m.change().signum() < 0) {
                f.debit(m.account(), new Unym(m.change().negate()));
            } else {
                f.credit(m.account(), new Unym(m.change()));
            }
        }
        switch (event) {
            case NodeBonded e -> {
                f.staked = atomics(e.pledge());
                f.principal = e.pledge().amount();
            }
            case EpochEventQueued e -> {
                switch (e.event()) {
                    case PendingEpochEvent.DelegationRequest p -> {
                        f.escrowed = p.amount().amount();
                    }
                    case PendingEpochEvent.PledgeIncrease p -> {
                        f.escrowed = p.amount().amount();
                    }
                    default -> { }
                }
            }
            case OperatorRewardWithdrawn e -> {
                f.staked = e.operatorAfter().atomics().subtract(operator(s, e.nodeId()));
            }
            case DelegatorRewardWithdrawn e -> {
                f.staked = e.delegatesAfter().atomics().subtract(delegates(s, e.nodeId()));
            }
            case EpochRewarded e -> {
                BigInteger staked = BigInteger.ZERO;
                for (NodeEpochResult r : e.nodes()) {
                    if (r instanceof NodeRewarded n) {
                        staked = staked.add(n.operatorAfter().atomics().add(n.delegatesAfter().atomics()))
                                .subtract(value(s, n.nodeId()));
                    }
                }
                for (GatewayCredited c : e.gatewayCredits()) {
                    staked = staked.add(atomics(c.credit()));
                }
                f.staked = staked;
                f.fees = e.fees() == null ? BigInteger.ZERO : e.fees().totalFees().amount();
            }
            case DelegationAdded e -> {
                f.escrowed = e.deposited().amount().negate();
                f.staked = e.operatorAfter().atomics().add(e.delegatesAfter().atomics()).subtract(value(s, e.nodeId()));
                BigInteger existing = s.delegation(new DelegationKey(e.nodeId(), e.owner()))
                        .map(d -> d.amount().amount()).orElse(BigInteger.ZERO);
                f.principal = e.principal().amount().subtract(existing);
            }
            case DelegationReturned e -> {
                f.escrowed = e.returned().amount().negate();
            }
            case DelegationRemoved e -> {
                f.principal = e.principal().amount().negate();
                BigInteger after = e.nodeRecordRemoved() ? BigInteger.ZERO
                        : e.operatorAfter().atomics().add(e.delegatesAfter().atomics());
                f.staked = after.subtract(value(s, e.nodeId()));
            }
            case PledgeIncreased e -> {
                f.escrowed = e.amount().amount().negate();
                f.staked = e.operatorAfter().atomics().subtract(operator(s, e.nodeId()));
                f.principal = e.amount().amount();
            }
            case PledgeDecreased e -> {
                f.staked = e.operatorAfter().atomics().subtract(operator(s, e.nodeId()));
                f.principal = e.amount().amount().negate();
            }
            case NodeUnbonded e -> {
                f.principal = pledgeOf(s, e.nodeId()).negate();
                f.staked = (e.rewardingRecordKept() ? operator(s, e.nodeId()).negate()
                        : value(s, e.nodeId()).negate());
            }
            default -> { }
        }
        return Optional.of(f);
    }

    /** The supply of a genesis allocation, with its balances put into the store. */
    static Supply genesis(LedgerStore s, GenesisAllocated g) {
        BigInteger hash = BigInteger.ZERO;
        Unym liquid = Unym.ZERO;
        for (Allocated a : g.balances()) {
            s.putBalance(a.account(), a.amount());
            hash = Supply.rehash(hash, a.account(), Unym.ZERO, a.amount());
            liquid = liquid.plus(a.amount());
        }
        // a pool with a fraction of a uNYM (a network taken over mid-life) holds ceil(pool) tokens: the fraction's
        // complement is dust from the start, so that the equation is exact from the genesis on
        Decimal dust = g.mixminingPool().toDecimal().minus(Supply.rewardPool(s.globals()));
        return new Supply(g.totalSupply(), g.vestingTokens(), g.treasury(), liquid, Unym.ZERO, Decimal.ZERO, Unym.ZERO,
                dust, Unym.ZERO, hash);
    }

    /**
     * How many payouts an event truncates, each leaving less than 1 uNYM of dust. An unbonding or a last undelegation
     * that removes a node record also lets go of the record's leftover rounding (a few atto-uNYM), counted as one more.
     */
    static int truncations(LedgerEvent event) {
        return switch (event) {
            case OperatorRewardWithdrawn e -> 1;
            case DelegatorRewardWithdrawn e -> 1;
            case DelegationAdded e -> 1; // folding an existing delegation in truncates its value
            case DelegationsAdded e -> e.added().size();
            case DelegationRemoved e -> e.nodeRecordRemoved() ? 2 : 1;
            case NodeUnbonded e -> 2;
            default -> 0;
        };
    }

    /**
     * Applies {@code events} to a working copy of {@code ledger} and checks each one's dust against
     * {@link #truncations}: a decision whose events create tokens, or lose a whole uNYM, is a fault, never recorded.
     */
    static void verify(MixnetLedger ledger, List<LedgerEvent> events) {
        if (!ledger.isInitialized() || !ledger.globals().funded()) {
            return;
        }
        LedgerWorkingCopy work = new LedgerWorkingCopy(ledger);
        for (LedgerEvent event : events) {
            applyChecked(work, event);
        }
    }

    /**
     * Applies one event to a working copy and checks its dust against {@link #truncations} (a multi-step decision, the
     * closing, checks each step this way as it builds it, instead of replaying its events afterwards).
     */
    static void applyChecked(LedgerStore work, LedgerEvent event) {
        Supply before = work.globals() == null ? null : work.globals().supply();
        LedgerEvolver.apply(work, event);
        if (before == null) {
            return;
        }
        BigInteger dust = work.globals().supply().dust().atomics().subtract(before.dust().atomics());
        BigInteger allowed = Decimal.SCALE.multiply(BigInteger.valueOf(truncations(event)));
        boolean sound = allowed.signum() == 0 ? dust.signum() == 0 : dust.signum() >= 0 && dust.compareTo(allowed) < 0;
        if (!sound) {
            throw new IllegalStateException(event.getClass().getSimpleName() + " does not conserve tokens: it leaves "
                    + atomicsText(dust) + " uNYM of dust, at most " + truncations(event)
                    + " truncation(s) below 1 uNYM each are allowed");
        }
    }

    private static String atomicsText(BigInteger atomics) {
        return atomics.signum() < 0 ? "-" + Decimal.ofAtomics(atomics.negate()) : Decimal.ofAtomics(atomics).toString();
    }

    private static BigInteger atomics(Unym amount) {
        return amount.amount().multiply(Decimal.SCALE);
    }

    private static String ownerOf(LedgerStore s, long nodeId) {
        return s.node(nodeId).map(n -> n.bond().owner())
                .orElseThrow(() -> new IllegalStateException("node " + nodeId + " does not exist"));
    }

    private static BigInteger operator(LedgerStore s, long nodeId) {
        return s.node(nodeId).map(n -> n.rewarding().operator().atomics()).orElse(BigInteger.ZERO);
    }

    private static BigInteger delegates(LedgerStore s, long nodeId) {
        return s.node(nodeId).map(n -> n.rewarding().delegates().atomics()).orElse(BigInteger.ZERO);
    }

    private static BigInteger value(LedgerStore s, long nodeId) {
        return operator(s, nodeId).add(delegates(s, nodeId));
    }

    private static BigInteger pledgeOf(LedgerStore s, long nodeId) {
        return s.node(nodeId).map(n -> switch (n.bond()) {
            case NodeBond.Bonded b -> b.originalPledge().amount();
            case NodeBond.Unbonding u -> u.originalPledge().amount();
            case NodeBond.Unbonded u -> BigInteger.ZERO;
        }).orElse(BigInteger.ZERO);
    }
}
