package net.nym.tokenomics.performance.domain.epoch;

import net.nym.tokenomics.eventlog.decimal.Percent;

/** B.1's {@code last_24h_performance}. */
public final class LegacyPerformance {

    private LegacyPerformance() {
    }

    /**
     * {@code Percent::from_percentage_value(trunc_u8((performance × 100) as f32))}: the product is taken in f64,
     * narrowed to f32 (round to nearest), then truncated toward zero like Rust's saturating {@code as u8}; a value
     * above 100 fails {@code from_percentage_value} and nym-api's {@code unwrap_or_default} makes it 0.
     * 0.987 → 98.7 → 98 → "0.98" (TV-8).
     */
    public static Percent fromPerformanceScore(double performanceScore) {
        float hundredths = (float) (performanceScore * 100.0);
        if (Float.isNaN(hundredths) || hundredths <= 0f) {
            return Percent.ZERO;
        }
        long truncated = hundredths >= 255f ? 255 : (long) hundredths;
        return truncated > 100 ? Percent.ZERO : Percent.fromPercentageValue(truncated);
    }
}
