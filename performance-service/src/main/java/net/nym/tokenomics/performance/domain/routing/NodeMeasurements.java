package net.nym.tokenomics.performance.domain.routing;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running totals of one node's in-window measurements, from which either provider's score follows without keeping
 * the rows. Sums of integer reliabilities stay exact; the division happens once at the end.
 */
public final class NodeMeasurements {

    private long nodeSum;
    private long nodeCount;
    private long gatewaySum;
    private long gatewayCount;
    /** Per monitor {sum, count}; sorted by monitor key so any iteration is reproducible. Only kept for MEDIAN. */
    private final TreeMap<String, long[]> perMonitor;

    public NodeMeasurements(boolean keepPerMonitor) {
        this.perMonitor = keepPerMonitor ? new TreeMap<>() : null;
    }

    public void add(Measurement m) {
        switch (m.kind()) {
            case NODE -> {
                nodeSum += m.reliability();
                nodeCount++;
            }
            case GATEWAY -> {
                gatewaySum += m.reliability();
                gatewayCount++;
            }
        }
        if (perMonitor != null) {
            long[] acc = perMonitor.computeIfAbsent(m.monitor(), k -> new long[2]);
            acc[0] += m.reliability();
            acc[1]++;
        }
    }

    public long count() {
        return nodeCount + gatewayCount;
    }

    public RoutingScore score(RoutingProvider provider) {
        return switch (provider) {
            case LEGACY -> legacy();
            case MEDIAN -> median();
        };
    }

    /**
     * B.2(a): mix = AVG(node monitor), gw = AVG(gateway monitor), each 0 without rows;
     * reliability = gw if mix == 0, mix if gw == 0, else (mix + gw) / 2; routing = reliability / 100.
     * Deliberate difference from nym-api: it averages in SQL and combines in f32; here every step is an exact
     * rational ({@code Σ / n}, then {@code (Σm·ng + Σg·nm) / (2·nm·ng)}) rounded to a double once, so the score does
     * not depend on summation order or float width.
     */
    private RoutingScore legacy() {
        long count = count();
        if (count == 0) {
            return RoutingScore.NO_DATA;
        }
        double score;
        if (nodeSum == 0) {
            score = gatewayCount == 0 ? 0.0 : ExactRatio.toDouble(gatewaySum, gatewayCount * 100);
        } else if (gatewaySum == 0) {
            score = ExactRatio.toDouble(nodeSum, nodeCount * 100);
        } else {
            BigInteger numerator = BigInteger.valueOf(nodeSum).multiply(BigInteger.valueOf(gatewayCount))
                    .add(BigInteger.valueOf(gatewaySum).multiply(BigInteger.valueOf(nodeCount)));
            BigInteger denominator = BigInteger.valueOf(200).multiply(BigInteger.valueOf(nodeCount))
                    .multiply(BigInteger.valueOf(gatewayCount));
            score = ExactRatio.toDouble(numerator, denominator);
        }
        return new RoutingScore(score, count);
    }

    /**
     * B.2(b) over this service's rows: each monitor's value is its mean reliability in the window as a Percent
     * ({@code from_ratio(Σ, 100·n)}, floored at 18 dp), then {@link #median} (which rounds each to 2 dp).
     * A monitor is one signer key; its node and gateway rows count together.
     */
    private RoutingScore median() {
        if (perMonitor == null) {
            throw new IllegalStateException("per-monitor totals were not kept");
        }
        if (perMonitor.isEmpty()) {
            return RoutingScore.NO_DATA;
        }
        List<Percent> values = new ArrayList<>(perMonitor.size());
        for (Map.Entry<String, long[]> e : perMonitor.entrySet()) {
            long[] acc = e.getValue();
            values.add(Percent.of(Decimal.fromRatio(acc[0], acc[1] * 100)));
        }
        return new RoutingScore(median(values).toDouble(), count());
    }

    /**
     * The performance contract's median: every value rounded half-up to 2 dp, sorted; the middle element for an odd
     * count, else {@code Percent.average} of the two middle ones rounded to 2 dp again.
     */
    public static Percent median(List<Percent> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("median of no values");
        }
        List<Percent> sorted = new ArrayList<>(values.size());
        for (Percent p : values) {
            sorted.add(p.roundToTwoDecimalPlaces());
        }
        sorted.sort(null);
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return Percent.average(sorted.get(n / 2 - 1), sorted.get(n / 2)).roundToTwoDecimalPlaces();
    }
}
