package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.util.Objects;

/** An operator's declared costs ({@code NodeCostParams}): profit margin and operating cost per interval. */
public record NodeCostParams(Percent profitMargin, Unym intervalOperatingCost) {

    /** {@code DEFAULT_PROFIT_MARGIN_PERCENT} and {@code DEFAULT_INTERVAL_OPERATING_COST_AMOUNT}. */
    public static final NodeCostParams DEFAULT = new NodeCostParams(Percent.fromPercentageValue(20), Unym.of(40_000_000));

    public NodeCostParams {
        Objects.requireNonNull(profitMargin, "profitMargin");
        Objects.requireNonNull(intervalOperatingCost, "intervalOperatingCost");
    }

    /** {@code from_ratio(interval_operating_cost, epochs_in_interval)}. */
    public Decimal epochOperatingCost(int epochsInInterval) {
        return Decimal.fromRatio(intervalOperatingCost.amount(), BigInteger.valueOf(epochsInInterval));
    }
}
