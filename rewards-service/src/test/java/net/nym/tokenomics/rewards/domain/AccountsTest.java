package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token accounts (issue 15): genesis, escrow, payouts, and the supply equation at every step. */
class AccountsTest {

    private static final BigInteger NYM = BigInteger.valueOf(1_000_000);

    private static RewardingParams params() {
        return ContractVectorsTest.paramsP();
    }

    private static LedgerHarness funded(Map<String, BigInteger> accounts) {
        LedgerHarness h = new LedgerHarness();
        h.acceptAsIs(new InitializeLedger(LedgerHarness.GENESIS, params(), ContractSettings.DEFAULT, LedgerHarness.GENESIS,
                LedgerHarness.HOUR, GenesisAllocation.withAccounts(Unym.TOKEN_SUPPLY.amount(), params().interval().rewardPool(),
                LedgerHarness.TREASURY, accounts)));
        return h;
    }

    private static BigInteger nym(long n) {
        return NYM.multiply(BigInteger.valueOf(n));
    }

    private static void assertSupplyHolds(LedgerHarness h) {
        assertThat(SupplyCheck.problem(h.ledger())).isEmpty();
    }

    @Test
    void theGenesisPlacesEveryTokenAndABadOneIsRefused() {
        LedgerHarness h = funded(Map.of("alice", nym(1_000)));
        Supply s = h.ledger().globals().supply();
        assertThat(s.totalSupply()).isEqualTo(Unym.TOKEN_SUPPLY);
        assertThat(h.ledger().balance("alice")).isEqualTo(new Unym(nym(1_000)));
        assertThat(s.liquid().toDecimal().plus(Supply.rewardPool(h.ledger().globals()))).isEqualTo(s.totalSupply().toDecimal());
        assertSupplyHolds(h);

        BigInteger pool = params().interval().rewardPool().floorToInteger();
        GenesisAllocation short1 = new GenesisAllocation(Unym.TOKEN_SUPPLY.amount(), pool, BigInteger.ZERO, "t",
                List.of(new Allocation("t", Unym.TOKEN_SUPPLY.amount().subtract(pool).subtract(BigInteger.ONE))));
        GenesisAllocation wrongPool = new GenesisAllocation(Unym.TOKEN_SUPPLY.amount(), pool.add(BigInteger.TWO), BigInteger.ZERO, "t",
                List.of(new Allocation("t", Unym.TOKEN_SUPPLY.amount().subtract(pool).subtract(BigInteger.TWO))));
        GenesisAllocation twice = new GenesisAllocation(Unym.TOKEN_SUPPLY.amount(), pool, BigInteger.ZERO, "t",
                List.of(new Allocation("t", BigInteger.ONE), new Allocation("t", Unym.TOKEN_SUPPLY.amount().subtract(pool).subtract(BigInteger.ONE))));
        GenesisAllocation tooBig = GenesisAllocation.treasuryHolding(Unym.TOKEN_SUPPLY.amount().add(BigInteger.ONE),
                params().interval().rewardPool(), "t");
        for (var bad : Map.of(short1, "total_supply", wrongPool, "mixmining_pool", twice, "balances", tooBig, "total_supply").entrySet()) {
            LedgerRejection r = new LedgerHarness().reject(new InitializeLedger(LedgerHarness.GENESIS, params(),
                    ContractSettings.DEFAULT, LedgerHarness.GENESIS, Duration.ofHours(1), bad.getKey()));
            assertThat(r.field()).as(bad.getValue()).isEqualTo(bad.getValue());
        }
        assertThat(new LedgerHarness().reject(new InitializeLedger(LedgerHarness.GENESIS, params(), ContractSettings.DEFAULT,
                LedgerHarness.GENESIS, Duration.ofHours(1), null)).field()).isEqualTo("genesis");
    }

    @Test
    void aBondPledgeIncreaseDelegationOrTransferBeyondTheBalanceIsRefusedAndWritesNothing() {
        LedgerHarness h = funded(Map.of("op", nym(150), "del", nym(50)));
        LedgerRejection bond = h.reject(new BondNode(h.now(), "op", "key-op", nym(151), new CostParamsInput(Decimal.percent(10),
                BigInteger.valueOf(40_000_000)), h.ledger().globals().nextNodeId()));
        assertThat(bond).isEqualTo(new LedgerRejection.InsufficientBalance("pledge", "op", new Unym(nym(150)), new Unym(nym(151))));
        assertThat(bond.kind().status()).isEqualTo(409);
        long node = ((NodeBonded) h.acceptAsIs(new BondNode(h.now(), "op", "key-op", nym(100), new CostParamsInput(
                Decimal.percent(10), BigInteger.valueOf(40_000_000)), h.ledger().globals().nextNodeId())).getFirst()).nodeId();
        assertThat(h.ledger().balance("op")).isEqualTo(new Unym(nym(50)));
        int logSize = h.log().size();
        assertThat(h.reject(new PledgeMore(h.now(), "op", node, nym(51)))).isInstanceOf(LedgerRejection.InsufficientBalance.class);
        assertThat(h.reject(new Delegate(h.now(), "del", node, nym(50).add(BigInteger.ONE))))
                .isEqualTo(new LedgerRejection.InsufficientBalance("amount", "del", new Unym(nym(50)), new Unym(nym(50).add(BigInteger.ONE))));
        assertThat(h.reject(new Delegate(h.now(), "nobody", node, BigInteger.ONE))).isInstanceOf(LedgerRejection.InsufficientBalance.class);
        assertThat(h.reject(new Transfer(h.now(), "del", "op", nym(51)))).isInstanceOf(LedgerRejection.InsufficientBalance.class);
        assertThat(h.reject(new Transfer(h.now(), "del", "del", BigInteger.ONE)).field()).isEqualTo("to");
        assertThat(h.log()).hasSize(logSize);

        // exactly what fits is accepted, and held until the epoch ends
        h.acceptAsIs(new Delegate(h.now(), "del", node, nym(50)));
        assertThat(h.ledger().balance("del")).isEqualTo(Unym.ZERO);
        assertThat(h.ledger().globals().supply().escrowed()).isEqualTo(new Unym(nym(50)));
        assertSupplyHolds(h);
        h.closeEmpty();
        assertThat(h.ledger().globals().supply().escrowed()).isEqualTo(Unym.ZERO);
        assertThat(h.ledger().delegation(node, "del").orElseThrow().amount()).isEqualTo(new Unym(nym(50)));
        assertSupplyHolds(h);
    }

    @Test
    void aDelegationToANodeThatUnbondedMeanwhileReturnsItsEscrow() {
        LedgerHarness h = funded(Map.of("op", nym(100), "del", nym(70)));
        long node = h.bond("op", nym(100).longValueExact(), 10, 40_000_000);
        h.closeEmpty();
        h.acceptAsIs(new Delegate(h.now(), "del", node, nym(70)));
        h.acceptAsIs(new UnbondNode(h.now(), "op", node));
        assertThat(h.reject(new Delegate(h.now(), "del", node, BigInteger.ONE))).isInstanceOf(LedgerRejection.NodeIsUnbonding.class);
        assertThat(h.ledger().balance("del")).isEqualTo(Unym.ZERO);
        List<LedgerEvent> closing = h.closeEmpty();
        assertThat(closing).anyMatch(e -> e instanceof NodeUnbonded).anyMatch(e -> e instanceof DelegationReturned);
        assertThat(h.ledger().balance("op")).isEqualTo(new Unym(nym(100)));
        assertThat(h.ledger().balance("del")).isEqualTo(new Unym(nym(70)));
        assertSupplyHolds(h);
    }

    /**
     * Genesis → bond → delegations → 722 epochs across an interval roll-over (with withdrawals during it) → undelegations
     * → unbond: each account gets back exactly its principal plus the rewards paid to it, and the supply equation holds
     * after every command and every closing.
     */
    @Test
    void aFullCycleReturnsPrincipalPlusRewardsAndTheSupplyEquationHoldsAtEveryStep() {
        Map<String, BigInteger> genesis = new HashMap<>();
        genesis.put("op", nym(200_000));
        genesis.put("alice", nym(500_000));
        genesis.put("bob", nym(120_000));
        LedgerHarness h = funded(genesis);
        Map<String, BigInteger> paidToAccount = new HashMap<>();
        long node = ((NodeBonded) step(h, new BondNode(h.now(), "op", "key-op", nym(150_000), new CostParamsInput(
                Decimal.percent(8), BigInteger.valueOf(40_000_000)), h.ledger().globals().nextNodeId())).getFirst()).nodeId();
        step(h, new Delegate(h.now(), "alice", node, nym(400_000)));
        step(h, new Delegate(h.now(), "bob", node, nym(100_000)));
        step(h, new Transfer(h.now(), "bob", "alice", nym(20_000)));
        closeChecked(h, List.of());
        Decimal work = params().workFactors().active();
        Decimal distributed = Decimal.ZERO;
        int epochs = params().epochsInInterval() + 2;
        boolean rolledOver = false;
        for (int e = 0; e < epochs; e++) {
            List<LedgerEvent> events = closeChecked(h, List.of(LedgerHarness.node(node, Percent.fromPercentageValue(95), work)));
            distributed = distributed.plus(LedgerHarness.only(events, EpochRewarded.class).distributed());
            rolledOver |= events.stream().anyMatch(x -> x instanceof IntervalRolledOver);
            if (e == 300) {
                record(paidToAccount, step(h, new WithdrawDelegatorReward(h.now(), "alice", node)));
                record(paidToAccount, step(h, new WithdrawOperatorReward(h.now(), "op", node)));
            }
        }
        assertThat(rolledOver).isTrue();
        assertThat(distributed.isZero()).isFalse();
        record(paidToAccount, step(h, new Undelegate(h.now(), "alice", node)));
        record(paidToAccount, step(h, new Undelegate(h.now(), "bob", node)));
        record(paidToAccount, closeChecked(h, List.of()));
        record(paidToAccount, step(h, new UnbondNode(h.now(), "op", node)));
        record(paidToAccount, closeChecked(h, List.of()));

        Supply s = h.ledger().globals().supply();
        assertThat(s.escrowed()).isEqualTo(Unym.ZERO);
        assertThat(s.staked()).isEqualTo(Decimal.ZERO);
        assertThat(s.principal()).isEqualTo(Unym.ZERO);
        assertThat(h.ledger().node(node)).isEmpty();
        // each account: genesis − principal + everything paid to it (principal back with its rewards, withdrawals)
        Map<String, BigInteger> principal = Map.of("op", nym(150_000), "alice", nym(400_000), "bob", nym(100_000));
        Map<String, BigInteger> moved = Map.of("alice", nym(20_000), "bob", nym(-20_000), "op", BigInteger.ZERO);
        BigInteger rewardsPaid = BigInteger.ZERO;
        for (String a : principal.keySet()) {
            BigInteger expected = genesis.get(a).subtract(principal.get(a)).add(paidToAccount.get(a)).add(moved.get(a));
            assertThat(h.ledger().balance(a).amount()).as(a).isEqualTo(expected);
            BigInteger reward = paidToAccount.get(a).subtract(principal.get(a));
            assertThat(reward.signum()).as("%s earned", a).isPositive();
            rewardsPaid = rewardsPaid.add(reward);
        }
        // every rewarded uNYM was paid to an account, but for the fractions that truncation left as dust
        assertThat(Decimal.of(rewardsPaid).plus(s.dust())).isEqualTo(distributed);
        assertThat(s.dust().compareTo(Decimal.of(6))).isLessThan(0);
        assertSupplyHolds(h);
    }

    /**
     * Before issue 15 a delegation was checked only against the token supply per request, so about 3.4e5 requests of
     * 1e15 uNYM on one node took its D past the contract Decimal's range and the closing failed for ever. Now every
     * request is paid from a balance and no sum can exceed the total supply: the requests are refused when made, and
     * the closing closes.
     */
    @Test
    void overflowAttemptsAreRefusedAtTheRequestAndTheClosingCloses() {
        LedgerHarness h = LedgerHarness.initialized(params());
        long node = h.bond("op", 100_000_000_000L, 10, 40_000_000);
        BigInteger max = Unym.TOKEN_SUPPLY.amount();
        long needed = Decimal.MAX_ATOMICS.divide(Decimal.SCALE).divide(max).longValueExact() + 1;
        BigInteger all = h.ledger().balance(LedgerHarness.TREASURY).amount();
        h.acceptAsIs(new Delegate(h.now(), LedgerHarness.TREASURY, node, all));
        int refused = 0;
        for (long i = 0; i < needed; i++) {
            if (h.decide(new Delegate(h.now(), LedgerHarness.TREASURY, node, max)) instanceof Decision.Rejected r
                    && r.rejection() instanceof LedgerRejection.InsufficientBalance) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(needed);
        assertThat(h.reject(new Delegate(h.now(), "someone", node, max.add(BigInteger.ONE))))
                .isInstanceOf(LedgerRejection.InvalidAmount.class);
        List<LedgerEvent> closing = h.closeEmpty();
        assertThat(closing).anyMatch(e -> e instanceof DelegationAdded);
        h.close(List.of(LedgerHarness.node(node, Percent.HUNDRED, params().workFactors().active())));
        assertSupplyHolds(h);
    }

    @Test
    void aDecisionThatWouldCreateTokensIsAFaultNotAnEvent() {
        LedgerHarness h = funded(Map.of("alice", nym(10)));
        // an event no decider makes: a return of escrow that was never held
        assertThatThrownBy(() -> SupplyAccounting.verify(h.ledger(), List.of(new DelegationReturned(h.now(), 1, 1, "alice",
                new Unym(nym(5)))))).isInstanceOf(RuntimeException.class);
        assertThat(SupplyCheck.eventProblem(h.ledger(), new TokensTransferred(h.now(), "alice", "bob", new Unym(nym(11)))))
                .hasValueSatisfying(p -> assertThat(p).contains("cannot pay"));
        assertThat(SupplyCheck.eventProblem(h.ledger(), new TokensTransferred(h.now(), "alice", "bob", new Unym(nym(10))))).isEmpty();
    }

    private static List<LedgerEvent> step(LedgerHarness h, LedgerCommand c) {
        List<LedgerEvent> events = h.acceptAsIs(c);
        assertSupplyHolds(h);
        return events;
    }

    private static List<LedgerEvent> closeChecked(LedgerHarness h, List<RewardedNode> set) {
        List<LedgerEvent> events = h.close(set);
        assertSupplyHolds(h);
        return events;
    }

    private static void record(Map<String, BigInteger> paid, List<LedgerEvent> events) {
        for (LedgerEvent e : events) {
            switch (e) {
                case DelegationRemoved r -> paid.merge(r.owner(), r.paid().amount(), BigInteger::add);
                case DelegatorRewardWithdrawn w -> paid.merge(w.owner(), w.paid().amount(), BigInteger::add);
                case OperatorRewardWithdrawn w -> paid.merge(w.owner(), w.paid().amount(), BigInteger::add);
                case NodeUnbonded u -> paid.merge(u.owner(), u.paid().amount(), BigInteger::add);
                default -> { }
            }
        }
    }
}
