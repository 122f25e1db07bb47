package net.nym.tokenomics.lab;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.rewards.domain.pricing.BandwidthPrice;
import net.nym.tokenomics.rewards.domain.pricing.LinearCost;
import net.nym.tokenomics.selection.domain.selection.Sha256CounterRandom;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Theorem 1, empirically: the first interval's network with every node's declared linear cost
 * ({@code C_i(x) = interval cost / epochs + cost_per_packet · x}), the price of eq. 1 for its expected demand, and
 * {@code samples} epochs of demand drawn around it (normal, relative spread {@code demand_relative_sd}, rounded to a
 * multiple of {@code W} as the theorem assumes). For each sample: fees (exact, {@link BandwidthPrice#revenue}) and the
 * selected nodes' costs; over the samples the mean surplus per packet should approach τ.
 */
public final class PriceCheck {

    /** Sample means, in uNYM, and what Theorem 1 predicts. */
    public record Summary(BandwidthPrice price, BigDecimal meanDemand, BigDecimal meanRevenue, BigDecimal meanCost,
                          BigDecimal meanSurplus, BigDecimal predictedSurplus, BigDecimal surplusPerPacket) {
    }

    private PriceCheck() {
    }

    public static Summary run(Scenario s, Path out) throws IOException {
        Files.createDirectories(out);
        NetworkSize size = NetworkSize.of(s, 0);
        long expected = Math.max(size.demandPerEpoch(), (long) size.width() * 1_000_000L);
        Decimal fixed = Decimal.fromRatio(s.nodes().intervalOperatingCostNym() * 1_000_000L, s.epochsPerInterval());
        Decimal slope = Decimal.parse(s.pricing().costPerPacketUnym());
        BandwidthPrice price = new BandwidthPrice(s.network().layers(), size.width(), expected,
                Decimal.parse(s.pricing().surplusUnymPerPacket()),
                Collections.nCopies(size.active(), new LinearCost(fixed, slope)),
                Collections.nCopies(size.reserve(), LinearCost.flat(fixed)));
        Sha256CounterRandom rng = StakeGenerator.random(s.seed(), "demand", 0);
        List<double[]> revenuePts = new ArrayList<>();
        List<double[]> costPts = new ArrayList<>();
        BigDecimal sumM = BigDecimal.ZERO;
        BigDecimal sumRevenue = BigDecimal.ZERO;
        BigDecimal sumCost = BigDecimal.ZERO;
        StringBuilder csv = new StringBuilder("sample,demand_packets,fees,cost,surplus\n");
        for (int i = 0; i < s.pricing().samples(); i++) {
            double z = gaussian(rng);
            long m = Math.max(0, Math.round(expected * (1 + s.pricing().demandRelativeSd() * z) / size.width())) * size.width();
            BigDecimal revenue = price.revenue(m).toBigDecimal();
            BigDecimal cost = price.cost(m).toBigDecimal();
            sumM = sumM.add(BigDecimal.valueOf(m));
            sumRevenue = sumRevenue.add(revenue);
            sumCost = sumCost.add(cost);
            csv.append(i).append(',').append(m).append(',').append(revenue.toPlainString()).append(',')
                    .append(cost.toPlainString()).append(',').append(revenue.subtract(cost).toPlainString()).append('\n');
            revenuePts.add(new double[]{m, revenue.doubleValue() / 1e6});
            costPts.add(new double[]{m, cost.doubleValue() / 1e6});
        }
        Files.write(out.resolve("theorem1.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        BigDecimal n = BigDecimal.valueOf(s.pricing().samples());
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal meanM = sumM.divide(n, mc);
        BigDecimal meanRevenue = sumRevenue.divide(n, mc);
        BigDecimal meanCost = sumCost.divide(n, mc);
        BigDecimal meanSurplus = meanRevenue.subtract(meanCost);
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        series.put("fees Σ F(x)", revenuePts);
        series.put("costs Σ_Mix C_i(M/W) + Σ_Idl C_i(0)", costPts);
        Charts.scatter(out.resolve("theorem1.png"), s.name() + ": Theorem 1 — fees vs costs per epoch over sampled demand"
                        + " (τ = " + s.pricing().surplusUnymPerPacket() + " uNYM/packet)", "demand M (packets per epoch)",
                "NYM per epoch", series);
        return new Summary(price, meanM, meanRevenue, meanCost, meanSurplus,
                price.surplus().toBigDecimal().multiply(BigDecimal.valueOf(expected)),
                meanSurplus.divide(meanM, mc));
    }

    /** Box-Muller on the project's stream (doubles only for the draw of demand). */
    private static double gaussian(Sha256CounterRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }
}
