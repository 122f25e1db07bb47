package net.nym.tokenomics.lab;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a scenario month by month and writes {@code intervals.csv} (one row per interval) and {@code nodes.csv} (one row
 * per candidate per interval). Amounts are exact uNYM decimals. Every interval checks conservation: emission + fee share
 * = distributed + unclaimed (in {@link IntervalEngine}), and the token supply adds up: pool + circulating = total,
 * with circulating moving by what nodes and gateways were paid minus what users paid in fees.
 */
public final class LabRun {

    /** The id the lab's gateway (the receiver of the gateways' fee share) has; candidates follow it. */
    public static final long GATEWAY_ID = 1;

    /** One interval's outcome, with what the charts need. */
    public record Month(int month, NetworkSize size, IntervalEngine.IntervalResult result, Decimal circulatingAfter) {
    }

    private final Scenario s;
    private final Consumer<String> progress;

    public LabRun(Scenario scenario, Consumer<String> progress) {
        this.s = scenario;
        this.progress = progress;
    }

    public static RewardedSetParams setParams(NetworkSize size) {
        // Only k and the standby count enter the reward formulas; the active set A is written as the contract's
        // role counts 1 entry + 2 exit + (A − 3) mix nodes so that the parameters also pass the contract's checks.
        return new RewardedSetParams(1, 2, size.active() - 3, size.reserve());
    }

    public RewardingParams params(Decimal pool, Decimal supply, NetworkSize size) {
        Scenario.Rewarding r = s.rewarding();
        return RewardingParams.initial(pool, supply, Percent.parse(s.token().stakingSupplyScaleFactor()),
                Percent.parse(r.sybilResistance()), Decimal.parse(r.activeSetWorkFactor()),
                Percent.parse(r.intervalPoolEmission()), setParams(size), s.epochsPerInterval(),
                FeeIncomeParams.enabledWithShare(Percent.parse(r.feeShareToMixnet())));
    }

    public NodeCostParams costParams() {
        return new NodeCostParams(Percent.parse(s.nodes().profitMargin()),
                new Unym(BigInteger.valueOf(s.nodes().intervalOperatingCostNym()).multiply(BigInteger.valueOf(1_000_000))));
    }

    /** Candidates of an interval drawn as §5.5 describes, with the interval's saturation point and staking supply. */
    public List<IntervalEngine.Node> draw(int month, NetworkSize size, RewardingParams params, long firstId) {
        double sat = params.stakeSaturationPoint().toDouble() / 1e6;
        double supply = params.interval().stakingSupply().toDouble() / 1e6;
        StakeGenerator.Stake[] stakes = StakeGenerator.draw(s.nodes(), size.candidates(), size.rewarded(), sat,
                s.nodes().pledgedFraction() * supply, s.nodes().delegatedFraction() * supply,
                StakeGenerator.random(s.seed(), "stakes", month));
        List<IntervalEngine.Node> nodes = new ArrayList<>(stakes.length);
        NodeCostParams cost = costParams();
        for (int i = 0; i < stakes.length; i++) {
            nodes.add(new IntervalEngine.Node(firstId + i, rewarding(cost, stakes[i].pledge(), stakes[i].delegated())));
        }
        return nodes;
    }

    static NodeRewarding rewarding(NodeCostParams cost, BigInteger pledge, BigInteger delegated) {
        Decimal d = Decimal.of(delegated);
        return new NodeRewarding(cost, Decimal.of(pledge), d, Decimal.ZERO, NodeRewarding.UNIT_DELEGATION_BASE, 0,
                d.isZero() ? 0 : 1);
    }

    public List<Month> run(Path out) throws IOException {
        Files.createDirectories(out);
        Decimal total = s.nym(s.token().totalSupplyNym());
        Decimal pool = s.nym(s.token().initialPoolNym());
        Decimal supply = s.nym(s.token().initialStakingSupplyNym());
        Decimal circulating = total.minus(pool);
        Percent performance = Percent.parse(s.nodes().performance());
        List<IntervalEngine.Node> persistent = null;
        List<Month> months = new ArrayList<>();
        List<String> timings = new ArrayList<>();
        try (BufferedWriter intervals = Files.newBufferedWriter(out.resolve("intervals.csv"), StandardCharsets.UTF_8);
             BufferedWriter nodesCsv = Files.newBufferedWriter(out.resolve("nodes.csv"), StandardCharsets.UTF_8)) {
            intervals.write("month,width,active,reserve,rewarded,candidates,demand_packets_per_epoch,reward_pool,staking_supply,"
                    + "saturation_point,epoch_budget,emission,fees,fees_to_mixnet,fees_to_gateways,fees_returned_to_pool,"
                    + "available,distributed,unclaimed,reward_pool_after,staking_supply_after,circulating_after\n");
            nodesCsv.write("month,node_id,pledge,delegated,reputation,pledge_saturation,epochs_active,epochs_standby,"
                    + "reward,operator_reward,delegates_reward,operator_profit,delegates_return\n");
            for (int month = 0; month < s.months(); month++) {
                long started = System.nanoTime();
                NetworkSize size = NetworkSize.of(s, month);
                RewardingParams params = params(pool, supply, size);
                List<IntervalEngine.Node> nodes;
                if (s.mode() == Scenario.Mode.paper) {
                    nodes = draw(month, size, params, GATEWAY_ID + 1);
                } else {
                    if (persistent == null) {
                        persistent = draw(month, size, params, GATEWAY_ID + 1);
                    }
                    // a growing network gains candidates that bond with the minimum pledge and no delegation
                    for (int i = persistent.size(); i < size.candidates(); i++) {
                        persistent.add(new IntervalEngine.Node(GATEWAY_ID + 1 + i, rewarding(costParams(),
                                BigInteger.valueOf(s.nodes().minimumPledgeNym()).multiply(BigInteger.valueOf(1_000_000)),
                                BigInteger.ZERO)));
                    }
                    nodes = persistent;
                }
                long fees = Math.multiplyExact(size.demandPerEpoch(), s.demand().priceUnymPerPacket());
                IntervalEngine.IntervalResult r = IntervalEngine.run(params, nodes, size.active(), performance, fees,
                        GATEWAY_ID, s.seed(), (long) month * s.epochsPerInterval(), s.mode() == Scenario.Mode.persistent, false);
                if (s.mode() == Scenario.Mode.persistent) {
                    List<IntervalEngine.Node> next = new ArrayList<>(nodes.size());
                    for (IntervalEngine.NodeResult n : r.nodes()) {
                        next.add(new IntervalEngine.Node(n.id(), n.end()));
                    }
                    persistent = next;
                }
                Decimal poolAfter = r.rolledOver().interval().rewardPool();
                Decimal supplyAfter = s.token().stakingSupplyRule() == Scenario.StakingSupplyRule.contract
                        ? r.rolledOver().interval().stakingSupply() : total.minus(poolAfter);
                circulating = circulating.plus(r.distributed()).plus(r.gatewayCredits()).minus(r.fees());
                if (!poolAfter.plus(circulating).equals(total)) {
                    throw new IllegalStateException("month " + month + ": supply does not add up: pool " + poolAfter
                            + " + circulating " + circulating + " != " + total);
                }
                writeInterval(intervals, month, size, r, supplyAfter, circulating);
                writeNodes(nodesCsv, month, r);
                months.add(new Month(month, size, r, circulating));
                pool = poolAfter;
                supply = supplyAfter;
                double seconds = (System.nanoTime() - started) / 1e9;
                timings.add(String.format("%d,%.3f", month, seconds));
                progress.accept(String.format("month %d/%d  W=%d K=%d N=%d  pool %.0f NYM  R %.0f NYM  fees→mixnet %.0f NYM"
                                + "  distributed %.0f NYM  unclaimed %.0f NYM  %.2f s",
                        month + 1, s.months(), size.width(), size.rewarded(), size.candidates(),
                        r.params().interval().rewardPool().toDouble() / 1e6,
                        r.emission().plus(r.feesToMixnet()).toDouble() / 1e6, r.feesToMixnet().toDouble() / 1e6,
                        r.distributed().toDouble() / 1e6, r.unclaimed().toDouble() / 1e6, seconds));
            }
        }
        // wall-clock figures are kept apart so that the CSVs are byte-identical from run to run
        Files.write(out.resolve("timings.csv"), ("month,seconds\n" + String.join("\n", timings) + "\n").getBytes(StandardCharsets.UTF_8));
        return months;
    }

    private void writeInterval(BufferedWriter w, int month, NetworkSize size, IntervalEngine.IntervalResult r,
                               Decimal supplyAfter, Decimal circulating) throws IOException {
        RewardingParams p = r.params();
        w.write(String.join(",", String.valueOf(month), String.valueOf(size.width()), String.valueOf(size.active()),
                String.valueOf(size.reserve()), String.valueOf(size.rewarded()), String.valueOf(size.candidates()),
                String.valueOf(size.demandPerEpoch()), str(p.interval().rewardPool()), str(p.interval().stakingSupply()),
                str(p.stakeSaturationPoint()), str(p.epochRewardBudget()), str(r.emission()), str(r.fees()),
                str(r.feesToMixnet()), str(r.gatewayCredits()), str(r.returnedToPool()),
                str(r.emission().plus(r.feesToMixnet())), str(r.distributed()), str(r.unclaimed()),
                str(r.rolledOver().interval().rewardPool()), str(supplyAfter), str(circulating)));
        w.write('\n');
    }

    private void writeNodes(BufferedWriter w, int month, IntervalEngine.IntervalResult r) throws IOException {
        Decimal cost = costParams().intervalOperatingCost().toDecimal();
        StringBuilder b = new StringBuilder(256);
        for (IntervalEngine.NodeResult n : r.nodes()) {
            b.setLength(0);
            b.append(month).append(',').append(n.id()).append(',').append(str(n.start().operator())).append(',')
                    .append(str(n.start().delegates())).append(',').append(str(n.bondSaturation())).append(',')
                    .append(str(n.pledgeSaturation())).append(',').append(n.epochsActive()).append(',')
                    .append(n.epochsStandby()).append(',').append(str(n.reward())).append(',')
                    .append(str(n.operator())).append(',').append(str(n.delegates())).append(',')
                    .append(signed(n.operator(), cost)).append(',')
                    .append(n.start().delegates().isZero() ? "" : str(n.delegates().div(n.start().delegates())))
                    .append('\n');
            w.write(b.toString());
        }
    }

    static String str(Decimal d) {
        return d.toString();
    }

    /** {@code a − b}, which may be negative (a loss): exact, for output only. */
    static String signed(Decimal a, Decimal b) {
        BigDecimal diff = a.toBigDecimal().subtract(b.toBigDecimal()).stripTrailingZeros();
        return diff.signum() == 0 ? "0" : diff.toPlainString();
    }
}
