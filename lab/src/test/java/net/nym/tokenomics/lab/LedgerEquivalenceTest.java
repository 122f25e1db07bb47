package net.nym.tokenomics.lab;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.ContractSettings;
import net.nym.tokenomics.rewards.domain.Decision;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.LedgerDecider;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.LedgerEvolver;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.WorkFactors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's path ({@link IntervalEngine}) against rewards-service's own path: {@link LedgerDecider#decide} and
 * {@link LedgerEvolver#evolve} fed the commands the service builds (bond, delegate, then one {@code CloseEpoch} per
 * epoch with the rewarded set and the fee income). Same inputs, same rewards, digit for digit.
 */
class LedgerEquivalenceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private MixnetLedger ledger = MixnetLedger.empty();

    private List<LedgerEvent> apply(LedgerCommand command) {
        Decision d = LedgerDecider.decide(command, ledger);
        assertThat(d).as("%s", command).isInstanceOf(Decision.Accepted.class);
        List<LedgerEvent> events = ((Decision.Accepted) d).events();
        for (LedgerEvent e : events) {
            ledger = LedgerEvolver.evolve(ledger, e);
        }
        return events;
    }

    private static Scenario scenario(int width, int epochs) throws Exception {
        Scenario s = Scenario.read(Path.of("scenarios/s1.json"));
        Scenario.Network n = s.network();
        return new Scenario("equivalence", "", s.seed(), 2, epochs, s.mode(), s.token(), s.rewarding(),
                new Scenario.Network(n.layers(), width, n.reservePerActive(), n.candidatesPerRewarded(), 6 * width,
                        n.nodePeakPacketsPerSecond(), n.peakFactor(), n.capacityGrowthMonthly()),
                s.nodes(), new Scenario.Demand(0, 0, 1, 3600L * epochs), s.pricing());
    }

    /** Columns: W (K = 6W, N = 2K), epochs per interval, fee per epoch (uNYM), mode. */
    @ParameterizedTest
    @CsvSource({
            "2, 4, 0,            true",
            "2, 5, 720000000,    true",
            "3, 4, 3600000000,   false",
    })
    void oneIntervalGivesTheSameRewardsThroughBothPaths(int width, int epochs, long feesPerEpoch, boolean compound) throws Exception {
        Scenario s = scenario(width, epochs);
        LabRun run = new LabRun(s, line -> { });
        NetworkSize size = NetworkSize.of(s, 0);
        RewardingParams params = run.params(s.nym(s.token().initialPoolNym()), s.nym(s.token().initialStakingSupplyNym()), size);
        List<IntervalEngine.Node> drawn = run.draw(0, size, params, LabRun.GATEWAY_ID + 1);

        // rewards-service path: set up the same network through commands
        // every pledge and delegation is paid from a genesis balance (issue 15)
        java.util.Map<String, BigInteger> accounts = new java.util.HashMap<>();
        accounts.put("gateway", BigInteger.valueOf(100_000_000));
        for (IntervalEngine.Node n : drawn) {
            accounts.put("op-" + n.id(), n.rewarding().operator().floorToInteger());
            if (!n.rewarding().delegates().isZero()) {
                accounts.put("delegator-" + n.id(), n.rewarding().delegates().floorToInteger());
            }
        }
        apply(new LedgerCommand.InitializeLedger(T0, params, ContractSettings.DEFAULT, T0, HOUR,
                LedgerCommand.GenesisAllocation.withAccounts(net.nym.tokenomics.eventlog.decimal.Unym.TOKEN_SUPPLY.amount(),
                        params.interval().rewardPool(), "treasury", accounts)));
        LedgerEvent.NodeBonded gateway = (LedgerEvent.NodeBonded) apply(new LedgerCommand.BondNode(T0, "gateway", "gateway-key",
                BigInteger.valueOf(100_000_000), new LedgerCommand.CostParamsInput(Decimal.parse("0.1"), BigInteger.ZERO),
                LabRun.GATEWAY_ID)).getFirst();
        assertThat(gateway.nodeId()).isEqualTo(LabRun.GATEWAY_ID);
        for (IntervalEngine.Node n : drawn) {
            NodeRewarding r = n.rewarding();
            LedgerEvent.NodeBonded bonded = (LedgerEvent.NodeBonded) apply(new LedgerCommand.BondNode(T0, "op-" + n.id(),
                    "key-" + n.id(), r.operator().floorToInteger(), new LedgerCommand.CostParamsInput(
                    r.costParams().profitMargin().value(), r.costParams().intervalOperatingCost().amount()), n.id())).getFirst();
            assertThat(bonded.nodeId()).isEqualTo(n.id());
            if (!r.delegates().isZero()) {
                apply(new LedgerCommand.Delegate(T0, "delegator-" + n.id(), n.id(), r.delegates().floorToInteger()));
            }
        }
        // the delegations apply at the end of epoch 0; the first interval passes with empty rewarded sets
        long epoch = 0;
        for (; epoch < epochs; epoch++) {
            apply(new LedgerCommand.CloseEpoch(T0.plus(HOUR.multipliedBy(epoch + 1)), epoch, List.of(), Optional.empty()));
        }
        List<IntervalEngine.Node> nodes = new ArrayList<>();
        for (IntervalEngine.Node n : drawn) {
            nodes.add(new IntervalEngine.Node(n.id(), ledger.node(n.id()).orElseThrow().rewarding()));
        }
        RewardingParams start = ledger.globals().params();
        assertThat(start).isEqualTo(params);

        for (int interval = 1; interval <= 2; interval++) {
            MixnetLedger before = ledger.copy();
            IntervalEngine.IntervalResult lab = IntervalEngine.run(ledger.globals().params(), nodes, size.active(),
                    Percent.HUNDRED, feesPerEpoch, LabRun.GATEWAY_ID, s.seed(), epoch, compound, true);
            WorkFactors work = WorkFactors.forConfiguredSet(ledger.globals().params());
            Map<Long, Decimal[]> sums = new HashMap<>();
            Decimal distributed = Decimal.ZERO;
            for (IntervalEngine.EpochSet set : lab.trace()) {
                List<RewardedNode> rewarded = new ArrayList<>();
                for (long id : set.active()) {
                    rewarded.add(new RewardedNode(id, Percent.HUNDRED, work.active()));
                }
                for (long id : set.standby()) {
                    rewarded.add(new RewardedNode(id, Percent.HUNDRED, work.standby()));
                }
                // paper mode: every epoch is rewarded on the interval's starting stakes (decided on the same state)
                long closing = compound ? set.epochId() : epoch;
                LedgerCommand.CloseEpoch close = new LedgerCommand.CloseEpoch(T0.plus(HOUR.multipliedBy(closing + 1)), closing,
                        rewarded, Optional.of(new FeeIncome(closing, List.of(new FeeIncome.GatewayFees(LabRun.GATEWAY_ID,
                        Unym.of(feesPerEpoch))))));
                List<LedgerEvent> events = compound ? apply(close)
                        : ((Decision.Accepted) LedgerDecider.decide(close, before)).events();
                LedgerEvent.EpochRewarded rewardedEvent = (LedgerEvent.EpochRewarded) events.getFirst();
                distributed = distributed.plus(rewardedEvent.distributed());
                for (LedgerEvent.NodeEpochResult r : rewardedEvent.nodes()) {
                    if (r instanceof LedgerEvent.NodeRewarded nr) {
                        Decimal[] sum = sums.computeIfAbsent(nr.nodeId(), k -> new Decimal[]{Decimal.ZERO, Decimal.ZERO, Decimal.ZERO});
                        sum[0] = sum[0].plus(nr.split().nodeReward());
                        sum[1] = sum[1].plus(nr.split().operator());
                        sum[2] = sum[2].plus(nr.split().delegates());
                    }
                }
            }
            assertThat(lab.distributed()).isEqualTo(distributed);
            assertThat(lab.distributed().isZero()).isFalse();
            for (IntervalEngine.NodeResult n : lab.nodes()) {
                Decimal[] sum = sums.getOrDefault(n.id(), new Decimal[]{Decimal.ZERO, Decimal.ZERO, Decimal.ZERO});
                assertThat(new Decimal[]{n.reward(), n.operator(), n.delegates()}).as("node %d", n.id()).containsExactly(sum);
                if (compound) {
                    NodeRewarding after = ledger.node(n.id()).orElseThrow().rewarding();
                    assertThat(n.end().operator()).isEqualTo(after.operator());
                    assertThat(n.end().delegates()).isEqualTo(after.delegates());
                    assertThat(n.end().totalUnitReward()).isEqualTo(after.totalUnitReward());
                }
            }
            if (!compound) {
                return;
            }
            // the interval's roll-over: pool, staking supply, B and sat
            assertThat(ledger.globals().params()).isEqualTo(lab.rolledOver());
            List<IntervalEngine.Node> next = new ArrayList<>();
            for (IntervalEngine.NodeResult n : lab.nodes()) {
                next.add(new IntervalEngine.Node(n.id(), n.end()));
            }
            nodes = next;
            epoch += epochs;
        }
    }
}
