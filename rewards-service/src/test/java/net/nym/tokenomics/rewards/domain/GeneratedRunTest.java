package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.LedgerEvent.*;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.WorkFactors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many epochs of random operator, delegator and admin actions (seeded), through decide/evolve, checking after every
 * epoch: per-epoch conservation, {@code sum over a node's delegations of (A + accrued) <= D}, delegation counts, and
 * token conservation of the whole ledger ({@code deposits + rewards + fee credits = payouts + held + truncated
 * fractions}, each payout truncating less than 1 uNYM). Then the log folds twice into the same state.
 */
class GeneratedRunTest {

    private static final int EPOCHS = 120;

    static RewardingParams params() {
        return RewardingParams.initial(Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L), Percent.fromPercentageValue(50),
                Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(1, 2, 3, 4), 5, FeeIncomeParams.enabledWithShare(Percent.fromPercentageValue(60)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void conservationHoldsOnEveryEpochOfARandomRun(long seed) {
        Random random = new Random(seed);
        LedgerHarness h = LedgerHarness.initialized(params());
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            accounts.add("acct" + i);
            // delegations are paid from balances (issue 15): each account starts with 10,000,000 NYM
            h.fund("acct" + i, BigInteger.valueOf(10_000_000_000_000L));
        }
        for (int i = 0; i < 6; i++) {
            h.bond("op" + i, 1_000_000_000L + random.nextInt(1_000_000_000) * 1000L, random.nextInt(30), random.nextInt(500_000_000));
        }
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int action = 0; action < 8; action++) {
                LedgerCommand command = randomCommand(random, h, accounts);
                if (h.decide(command) instanceof Decision.Accepted) {
                    h.accept(command);
                }
            }
            List<LedgerEvent> events = h.close(rewardedSet(random, h), fees(random, h));
            MultiNodeVectorTest.assertConserves(only(events));
            assertDelegationsWithinD(h.ledger());
            assertTokensConserved(h.log(), h.ledger());
            assertThat(SupplyCheck.problem(h.ledger())).as("the supply equation after epoch %d", epoch).isEmpty();
            assertOwnerIndexMatchesAScan(h.ledger(), accounts);
        }
        assertThat(h.log().stream().filter(e -> e instanceof DelegationAdded).count()).isGreaterThan(50);
        assertThat(h.log()).anyMatch(e -> e instanceof DelegationRemoved)
                .anyMatch(e -> e instanceof DelegatorRewardWithdrawn)
                .anyMatch(e -> e instanceof OperatorRewardWithdrawn)
                .anyMatch(e -> e instanceof DelegationAdded a && !a.foldedIn().isZero())
                .anyMatch(e -> e instanceof PledgeDecreased)
                .anyMatch(e -> e instanceof CostParamsChanged)
                .anyMatch(e -> e instanceof EpochRewarded r && !r.gatewayCredits().isEmpty());
        assertThat(h.log().stream().filter(e -> e instanceof IntervalRolledOver).count()).isEqualTo(EPOCHS / 5);

        MixnetLedger first = LedgerEvolver.fold(h.log());
        MixnetLedger second = LedgerEvolver.fold(h.log());
        assertThat(first.canonicalView()).isEqualTo(second.canonicalView()).isEqualTo(h.ledger().canonicalView());
        assertOwnerIndexMatchesAScan(first, accounts);
        assertOwnerIndexMatchesAScan(first.copy(), accounts);
        assertOwnerIndexMatchesAScan(MixnetLedger.of(first.globals(), first.nodes(), first.delegations(),
                first.pendingEpochEvents(), first.pendingIntervalEvents(), first.balances()), accounts);
    }

    /** {@link MixnetLedger#delegationsOwnedBy}'s index holds exactly what a scan of every delegation finds. */
    private static void assertOwnerIndexMatchesAScan(MixnetLedger ledger, List<String> accounts) {
        for (String account : accounts) {
            assertThat(ledger.delegationsOwnedBy(account)).as("the delegations of " + account)
                    .isEqualTo(ledger.delegations().values().stream().filter(d -> d.owner().equals(account)).toList());
        }
    }

    private static EpochRewarded only(List<LedgerEvent> events) {
        return LedgerHarness.only(events, EpochRewarded.class);
    }

    static LedgerCommand randomCommand(Random r, LedgerHarness h, List<String> accounts) {
        var now = h.now();
        long node = 1 + r.nextInt((int) h.ledger().globals().nextNodeId());
        String account = accounts.get(r.nextInt(accounts.size()));
        String operator = h.ledger().node(node).map(n -> n.bond().owner()).orElse("nobody");
        return switch (r.nextInt(11)) {
            case 0, 1, 2 -> new Delegate(now, account, node, BigInteger.valueOf(1 + r.nextInt(1_000_000_000) * 10L));
            case 3 -> new Undelegate(now, account, node);
            case 4, 5 -> new WithdrawDelegatorReward(now, account, node);
            case 6 -> new WithdrawOperatorReward(now, operator, node);
            case 7 -> r.nextBoolean()
                    ? new PledgeMore(now, operator, node, BigInteger.valueOf(1 + r.nextInt(1_000_000)))
                    : new DecreasePledge(now, operator, node, BigInteger.valueOf(1 + r.nextInt(1_000_000)));
            case 8 -> new ChangeCostParams(now, operator, node,
                    new CostParamsInput(Decimal.percent(r.nextInt(101)), BigInteger.valueOf(r.nextInt(1_000_000_000))));
            case 9 -> r.nextInt(8) == 0 ? new UnbondNode(now, operator, node)
                    : new BondNode(now, account, "id-" + account, BigInteger.valueOf(100_000_000L + r.nextInt(1_000_000_000)),
                    new CostParamsInput(Decimal.percent(r.nextInt(50)), BigInteger.valueOf(r.nextInt(100_000_000))),
                    h.ledger().globals().nextNodeId());
            default -> new UpdateRewardingParams(now, "admin", net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate.none()
                    .withIntervalPoolEmission(Percent.fromPercentageValue(1 + r.nextInt(3))), r.nextBoolean());
        };
    }

    /** Up to k bonded nodes, roles by position, random performance including zero. */
    static List<RewardedNode> rewardedSet(Random r, LedgerHarness h) {
        RewardingParams p = h.ledger().globals().params();
        List<Long> candidates = h.ledger().nodes().values().stream()
                .filter(n -> n.bond().holdsPledge() && n.rewarding().lastRewardedEpoch() != h.epoch())
                .map(NodeRecord::nodeId).limit(p.rewardedSetSize()).toList();
        int active = Math.min(candidates.size(), p.rewardedSet().activeSetSize());
        WorkFactors work = WorkFactors.forAssignedSet(p, active, candidates.size() - active);
        List<RewardedNode> set = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Percent performance = r.nextInt(6) == 0 ? Percent.ZERO : Percent.naiveFromF64OrZero(r.nextDouble());
            set.add(new RewardedNode(candidates.get(i), performance, i < active ? work.active() : work.standby()));
        }
        return set;
    }

    static Optional<FeeIncome> fees(Random r, LedgerHarness h) {
        if (r.nextBoolean()) {
            return Optional.empty();
        }
        List<FeeIncome.GatewayFees> gateways = new ArrayList<>();
        for (long id = 1; id < h.ledger().globals().nextNodeId(); id += 2) {
            gateways.add(new FeeIncome.GatewayFees(id, Unym.of(r.nextInt(5_000_000))));
        }
        return Optional.of(new FeeIncome(h.epoch(), gateways));
    }

    static void assertDelegationsWithinD(MixnetLedger ledger) {
        for (NodeRecord node : ledger.nodes().values()) {
            Decimal sum = Decimal.ZERO;
            int count = 0;
            for (Delegation d : ledger.delegationsOf(node.nodeId()).values()) {
                sum = sum.plus(d.amount().toDecimal()).plus(node.rewarding().delegationReward(d.amount(), d.cumulativeRewardRatio()));
                count++;
            }
            assertThat(sum.compareTo(node.rewarding().delegates())).as("sum of delegations of node %d", node.nodeId()).isLessThanOrEqualTo(0);
            assertThat(count).isEqualTo(node.rewarding().uniqueDelegations());
        }
    }

    /** Everything that came in or was earned is paid out, held, or one of the truncated fractions (< 1 uNYM each). */
    static void assertTokensConserved(List<LedgerEvent> log, MixnetLedger ledger) {
        Decimal in = Decimal.ZERO;
        Decimal out = Decimal.ZERO;
        long truncations = 0;
        for (LedgerEvent event : log) {
            switch (event) {
                case NodeBonded e -> in = in.plus(e.pledge().toDecimal());
                case EpochEventQueued e when e.event() instanceof PendingEpochEvent.DelegationRequest p -> in = in.plus(p.amount().toDecimal());
                case EpochEventQueued e when e.event() instanceof PendingEpochEvent.PledgeIncrease p -> in = in.plus(p.amount().toDecimal());
                case EpochRewarded e -> {
                    in = in.plus(e.distributed());
                    for (GatewayCredited c : e.gatewayCredits()) {
                        in = in.plus(c.credit().toDecimal());
                    }
                }
                case OperatorRewardWithdrawn e -> { out = out.plus(e.paid().toDecimal()); truncations++; }
                case DelegatorRewardWithdrawn e -> { out = out.plus(e.paid().toDecimal()); truncations++; }
                case DelegationRemoved e -> { out = out.plus(e.paid().toDecimal()); truncations += e.nodeRecordRemoved() ? 2 : 1; }
                case DelegationAdded e -> truncations += e.foldedIn().isZero() ? 0 : 1;
                case NodeUnbonded e -> { out = out.plus(e.paid().toDecimal()); truncations++; }
                case DelegationReturned e -> out = out.plus(e.returned().toDecimal());
                case PledgeDecreased e -> out = out.plus(e.amount().toDecimal());
                default -> { }
            }
        }
        Decimal held = Decimal.ZERO;
        for (NodeRecord node : ledger.nodes().values()) {
            held = held.plus(node.rewarding().operator()).plus(node.rewarding().delegates());
        }
        for (PendingEpochEvent pending : ledger.pendingEpochEvents().values()) {
            if (pending instanceof PendingEpochEvent.DelegationRequest p) {
                held = held.plus(p.amount().toDecimal());
            } else if (pending instanceof PendingEpochEvent.PledgeIncrease p) {
                held = held.plus(p.amount().toDecimal());
            }
        }
        Decimal truncated = in.minus(out).minus(held);
        if (truncations == 0) {
            assertThat(truncated).isEqualTo(Decimal.ZERO);
        } else {
            assertThat(truncated.compareTo(Decimal.of(truncations))).as("truncated %s over %d payouts", truncated, truncations).isLessThan(0);
        }
    }
}
