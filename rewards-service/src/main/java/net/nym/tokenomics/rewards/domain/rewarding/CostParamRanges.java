package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.util.Objects;
import java.util.Optional;

/**
 * The contract's {@code ProfitMarginRange} and {@code OperatingCostRange}: enforced on every declaration, and used
 * at reward time to clamp stored cost params that fell outside after an admin narrowed the ranges
 * ({@code RangedValue::normalise}).
 */
public record CostParamRanges(Percent minProfitMargin, Percent maxProfitMargin, Unym minOperatingCost, Unym maxOperatingCost) {

    /** {@code ProfitMarginRange::default} [0, 100 %] and {@code OperatingCostRange::default} [0, 1e18] uNYM. */
    public static final CostParamRanges DEFAULT = new CostParamRanges(
            Percent.ZERO, Percent.HUNDRED, Unym.ZERO, Unym.of(1_000_000_000_000_000_000L));

    public CostParamRanges {
        Objects.requireNonNull(minProfitMargin, "minProfitMargin");
        Objects.requireNonNull(maxProfitMargin, "maxProfitMargin");
        Objects.requireNonNull(minOperatingCost, "minOperatingCost");
        Objects.requireNonNull(maxOperatingCost, "maxOperatingCost");
    }

    public Optional<String> problem() {
        if (minProfitMargin.compareTo(maxProfitMargin) > 0) {
            return Optional.of("minimum profit margin " + minProfitMargin + " is above the maximum " + maxProfitMargin);
        }
        if (minOperatingCost.compareTo(maxOperatingCost) > 0) {
            return Optional.of("minimum operating cost " + minOperatingCost + " is above the maximum " + maxOperatingCost);
        }
        return Optional.empty();
    }

    public boolean allowsProfitMargin(Percent value) {
        return value.compareTo(minProfitMargin) >= 0 && value.compareTo(maxProfitMargin) <= 0;
    }

    public boolean allowsOperatingCost(Unym value) {
        return value.compareTo(minOperatingCost) >= 0 && value.compareTo(maxOperatingCost) <= 0;
    }

    /** {@code normalise}: each value moved to the nearest bound when outside. */
    public NodeCostParams clamp(NodeCostParams params) {
        Percent pm = params.profitMargin();
        pm = pm.compareTo(minProfitMargin) < 0 ? minProfitMargin : pm.compareTo(maxProfitMargin) > 0 ? maxProfitMargin : pm;
        Unym cost = params.intervalOperatingCost();
        cost = cost.compareTo(minOperatingCost) < 0 ? minOperatingCost : cost.compareTo(maxOperatingCost) > 0 ? maxOperatingCost : cost;
        NodeCostParams clamped = new NodeCostParams(pm, cost);
        return clamped.equals(params) ? params : clamped;
    }
}
