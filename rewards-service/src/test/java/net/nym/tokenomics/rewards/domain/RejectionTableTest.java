package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerRejection.*;
import net.nym.tokenomics.rewards.domain.rewarding.ActiveSetUpdate;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input and forbidden actions, each refused with a typed rejection that names the problem, and nothing recorded.
 * State: node 1 of "operator" (pledge 10_000_000_000), alice delegating on it since epoch 0, now in epoch 1;
 * node 2 of "other"; the next node id (the bonding nonce) is 3.
 */
class RejectionTableTest {

    private static final BigInteger SUPPLY = Unym.TOKEN_SUPPLY.amount();
    private static final long NONCE = 3;
    private static final CostParamsInput OK_COSTS = new CostParamsInput(Decimal.percent(10), BigInteger.valueOf(40_000_000));

    private static LedgerHarness fixture() {
        LedgerHarness h = LedgerHarness.initialized(ContractVectorsTest.paramsP());
        h.bond("operator", 10_000_000_000L, 10, 40_000_000);
        h.bond("other", 10_000_000_000L, 10, 40_000_000);
        h.delegate("alice", 1, 18_000_000_000L);
        h.closeEmpty();
        return h;
    }

    private static Arguments row(String name, Function<Instant, LedgerCommand> command, LedgerRejection expected) {
        return Arguments.of(name, command, expected);
    }

    static Stream<Arguments> rows() {
        Decimal work = Decimal.parse("0.0087719298245614");
        return Stream.of(
                row("negative pledge", now -> new BondNode(now, "carol", "id-carol", BigInteger.valueOf(-5), OK_COSTS, NONCE),
                        new InvalidAmount("pledge", BigInteger.valueOf(-5), AmountProblem.NEGATIVE)),
                row("zero pledge", now -> new BondNode(now, "carol", "id-carol", BigInteger.ZERO, OK_COSTS, NONCE),
                        new InvalidAmount("pledge", BigInteger.ZERO, AmountProblem.ZERO)),
                row("pledge above token supply", now -> new BondNode(now, "carol", "id-carol", SUPPLY.add(BigInteger.ONE), OK_COSTS, NONCE),
                        new InvalidAmount("pledge", SUPPLY.add(BigInteger.ONE), AmountProblem.ABOVE_TOKEN_SUPPLY)),
                row("pledge below minimum", now -> new BondNode(now, "carol", "id-carol", BigInteger.valueOf(99_999_999), OK_COSTS, NONCE),
                        new PledgeBelowMinimum(BigInteger.valueOf(99_999_999), Unym.of(100_000_000))),
                row("profit margin over 100 %", now -> new BondNode(now, "carol", "id-carol", BigInteger.valueOf(100_000_000),
                                new CostParamsInput(Decimal.percent(101), BigInteger.ONE), NONCE),
                        new ProfitMarginOutOfRange(Decimal.percent(101), Percent.ZERO, Percent.HUNDRED)),
                row("negative operating cost", now -> new BondNode(now, "carol", "id-carol", BigInteger.valueOf(100_000_000),
                                new CostParamsInput(Decimal.percent(10), BigInteger.valueOf(-1)), NONCE),
                        new OperatingCostOutOfRange(BigInteger.valueOf(-1), Unym.ZERO, Unym.of(1_000_000_000_000_000_000L))),
                row("operating cost above range", now -> new ChangeCostParams(now, "operator", 1,
                                new CostParamsInput(Decimal.percent(10), new BigInteger("1000000000000000001"))),
                        new OperatingCostOutOfRange(new BigInteger("1000000000000000001"), Unym.ZERO, Unym.of(1_000_000_000_000_000_000L))),
                row("blank owner", now -> new BondNode(now, " ", "id-x", BigInteger.valueOf(100_000_000), OK_COSTS, NONCE), new MissingAccount("owner")),
                row("second bond of one owner", now -> new BondNode(now, "operator", "id-new", BigInteger.valueOf(100_000_000), OK_COSTS, NONCE),
                        new AlreadyBonded("operator", 1)),
                row("identity key in use", now -> new BondNode(now, "carol", "identity-operator", BigInteger.valueOf(100_000_000), OK_COSTS, NONCE),
                        new IdentityKeyInUse("identity-operator", 1)),
                row("bond signed for a node id already taken", now -> new BondNode(now, "carol", "id-carol", BigInteger.valueOf(100_000_000),
                                OK_COSTS, NONCE - 1),
                        new StaleBondingNonce(NONCE - 1, NONCE)),
                row("bond signed for a node id not yet due", now -> new BondNode(now, "carol", "id-carol", BigInteger.valueOf(100_000_000),
                                OK_COSTS, NONCE + 1),
                        new StaleBondingNonce(NONCE + 1, NONCE)),
                row("pledge more on unknown node", now -> new PledgeMore(now, "operator", 99, BigInteger.TEN), new NodeNotFound(99)),
                row("pledge more on someone else's node", now -> new PledgeMore(now, "operator", 2, BigInteger.TEN), new NotNodeOwner(2, "operator")),
                row("unbond someone else's node", now -> new UnbondNode(now, "alice", 1), new NotNodeOwner(1, "alice")),
                row("cost change on someone else's node", now -> new ChangeCostParams(now, "other", 1, OK_COSTS), new NotNodeOwner(1, "other")),
                row("operator withdraw on someone else's node", now -> new WithdrawOperatorReward(now, "other", 1), new NotNodeOwner(1, "other")),
                row("negative pledge increase", now -> new PledgeMore(now, "operator", 1, BigInteger.valueOf(-1)),
                        new InvalidAmount("amount", BigInteger.valueOf(-1), AmountProblem.NEGATIVE)),
                row("decrease below minimum pledge", now -> new DecreasePledge(now, "operator", 1, BigInteger.valueOf(9_900_000_001L)),
                        new InvalidPledgeReduction(1, Unym.of(10_000_000_000L), BigInteger.valueOf(9_900_000_001L), Unym.of(100_000_000))),
                row("operator withdraw with nothing accrued", now -> new WithdrawOperatorReward(now, "operator", 1),
                        new NothingToWithdraw(1, "operator", Decimal.ZERO)),
                row("delegator withdraw with nothing accrued", now -> new WithdrawDelegatorReward(now, "alice", 1),
                        new NothingToWithdraw(1, "alice", Decimal.ZERO)),
                row("delegate zero", now -> new Delegate(now, "bob", 1, BigInteger.ZERO), new InvalidAmount("amount", BigInteger.ZERO, AmountProblem.ZERO)),
                row("delegate negative", now -> new Delegate(now, "bob", 1, BigInteger.valueOf(-7)),
                        new InvalidAmount("amount", BigInteger.valueOf(-7), AmountProblem.NEGATIVE)),
                row("delegate above token supply", now -> new Delegate(now, "bob", 1, SUPPLY.add(BigInteger.TEN)),
                        new InvalidAmount("amount", SUPPLY.add(BigInteger.TEN), AmountProblem.ABOVE_TOKEN_SUPPLY)),
                row("delegate to unknown node", now -> new Delegate(now, "bob", 42, BigInteger.TEN), new NodeNotFound(42)),
                row("undelegate what does not exist", now -> new Undelegate(now, "bob", 1), new DelegationNotFound(1, "bob")),
                row("undelegate from unknown node", now -> new Undelegate(now, "alice", 42), new NodeNotFound(42)),
                row("withdraw a delegation that does not exist", now -> new WithdrawDelegatorReward(now, "bob", 1), new DelegationNotFound(1, "bob")),
                row("empty rewarding params update", now -> new UpdateRewardingParams(now, "admin", RewardingParamsUpdate.none(), true),
                        new InvalidParameters("update", "the update changes nothing")),
                row("uneven layers", now -> new UpdateRewardingParams(now, "admin",
                                RewardingParamsUpdate.none().withRewardedSet(new RewardedSetParams(1, 1, 4, 0)), true),
                        new InvalidParameters("update", "mixnodes must be a multiple of 3 (one third per layer), got 4")),
                row("zero epochs in interval", now -> new UpdateIntervalConfig(now, "admin", 0, Duration.ofHours(1), true),
                        new InvalidParameters("epochs_in_interval", "epochs in interval must be > 0, got 0")),
                row("active set bigger than the rewarded set", now -> new UpdateActiveSet(now, "admin", new ActiveSetUpdate(100, 100, 60), true),
                        new InvalidParameters("active_set", "active set size 260 exceeds the rewarded set size 240")),
                row("second initialization", now -> new InitializeLedger(now, ContractVectorsTest.paramsP(), ContractSettings.DEFAULT, now, Duration.ofHours(1),
                        LedgerHarness.genesis(ContractVectorsTest.paramsP())),
                        new AlreadyInitialized()),
                row("close an epoch before its end", now -> new CloseEpoch(now, 1, List.of(), Optional.empty()),
                        new EpochNotOver(1, LedgerHarness.GENESIS.plus(Duration.ofHours(2)), LedgerHarness.GENESIS.plus(Duration.ofMinutes(61)))),
                row("close a past epoch", now -> new CloseEpoch(now.plus(Duration.ofHours(1)), 0, List.of(), Optional.empty()),
                        new EpochMismatch(1, 0)),
                row("a node twice in one epoch", now -> new CloseEpoch(now.plus(Duration.ofHours(1)), 1,
                                List.of(new RewardedNode(1, Percent.HUNDRED, work), new RewardedNode(1, Percent.HUNDRED, work)), Optional.empty()),
                        new DuplicateRewardedNode(1)),
                row("total work above one", now -> new CloseEpoch(now.plus(Duration.ofHours(1)), 1,
                                List.of(new RewardedNode(1, Percent.HUNDRED, Decimal.parse("0.6")), new RewardedNode(2, Percent.HUNDRED, Decimal.parse("0.5"))),
                                Optional.empty()),
                        new TotalWorkAboveOne(Decimal.parse("1.1"))),
                row("fee income of another epoch", now -> new CloseEpoch(now.plus(Duration.ofHours(1)), 1, List.of(),
                                Optional.of(new FeeIncome(5, List.of()))),
                        new FeeIncomeForOtherEpoch(1, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void refusedWithATypedReasonAndNothingChanges(String name, Function<Instant, LedgerCommand> command, LedgerRejection expected) {
        LedgerHarness h = fixture();
        var before = h.ledger().canonicalView();
        LedgerRejection rejection = h.reject(command.apply(h.now()));
        assertThat(rejection).isEqualTo(expected);
        assertThat(rejection.field()).isNotBlank();
        assertThat(rejection.reason()).isNotBlank();
        assertThat(h.ledger().canonicalView()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("afterActions")
    void stateConflicts(String name, Function<LedgerHarness, LedgerRejection> scenario, LedgerRejection expected) {
        assertThat(scenario.apply(fixture())).isEqualTo(expected);
    }

    static Stream<Arguments> afterActions() {
        return Stream.of(
                Arguments.of("withdrawing twice", (Function<LedgerHarness, LedgerRejection>) h -> {
                    Decimal work = Decimal.parse("0.0087719298245614");
                    h.close(List.of(new RewardedNode(1, Percent.HUNDRED, work)));
                    h.withdrawDelegator("alice", 1);
                    return h.reject(new WithdrawDelegatorReward(h.now(), "alice", 1));
                }, new NothingToWithdraw(1, "alice", Decimal.ZERO)),
                Arguments.of("undelegating twice", (Function<LedgerHarness, LedgerRejection>) h -> {
                    h.undelegate("alice", 1);
                    return h.reject(new Undelegate(h.now(), "alice", 1));
                }, new UndelegationAlreadyPending(1, "alice", 2)),
                Arguments.of("acting on an unbonded node", (Function<LedgerHarness, LedgerRejection>) h -> {
                    h.accept(new UnbondNode(h.now(), "operator", 1));
                    h.closeEmpty();
                    return h.reject(new PledgeMore(h.now(), "operator", 1, BigInteger.TEN));
                }, new NodeNotBonded(1)),
                Arguments.of("unbonding twice", (Function<LedgerHarness, LedgerRejection>) h -> {
                    h.accept(new UnbondNode(h.now(), "operator", 1));
                    return h.reject(new UnbondNode(h.now(), "operator", 1));
                }, new NodeIsUnbonding(1)),
                Arguments.of("uninitialized ledger", (Function<LedgerHarness, LedgerRejection>) h ->
                        new LedgerHarness().reject(new Delegate(h.now(), "bob", 1, BigInteger.TEN)), new NotInitialized()));
    }
}
