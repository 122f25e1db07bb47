package net.nym.tokenomics.performance.domain.config;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.performance.domain.version.VersionWeights;

import java.util.Objects;

/**
 * The contract's {@code ConfigScoreParams}: version weights and {@code score = penalty ^ (vb ^ penaltyScaling)}.
 * penalty and scaling are contract Decimals; the formula runs in f64 after {@code naive_to_f64}
 * (atomics / 1e18), which for the defaults gives exactly the doubles 0.995 and 1.65.
 */
public record ConfigScoreParams(VersionWeights weights, Decimal penalty, Decimal penaltyScaling) {

    public static final ConfigScoreParams DEFAULT =
            new ConfigScoreParams(VersionWeights.DEFAULT, Decimal.parse("0.995"), Decimal.parse("1.65"));

    public ConfigScoreParams {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(penaltyScaling, "penaltyScaling");
        if (penalty.isZero() || penalty.greaterThan(Decimal.ONE)) {
            throw new IllegalArgumentException("penalty must be within (0, 1], got " + penalty);
        }
    }

    public double penaltyF64() {
        return penalty.toDouble();
    }

    public double penaltyScalingF64() {
        return penaltyScaling.toDouble();
    }
}
