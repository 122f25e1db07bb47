package net.nym.tokenomics.performance.domain.version;

/** The contract's {@code OutdatedVersionWeights} (u32 each); defaults 100 / 10 / 1 / 1. */
public record VersionWeights(long major, long minor, long patch, long prerelease) {

    public static final VersionWeights DEFAULT = new VersionWeights(100, 10, 1, 1);

    public VersionWeights {
        for (long w : new long[] {major, minor, patch, prerelease}) {
            if (w < 0 || w > VersionDifference.U32_MAX) {
                throw new IllegalArgumentException("version weights must be u32, got " + w);
            }
        }
    }

    /** {@code Σ weight_i × diff_i}, saturating at u32::MAX where the contract would overflow. */
    public long factor(VersionDifference d) {
        long total = 0;
        total = addSat(total, mulSat(major, d.major()));
        total = addSat(total, mulSat(minor, d.minor()));
        total = addSat(total, mulSat(patch, d.patch()));
        total = addSat(total, mulSat(prerelease, d.prerelease()));
        return total;
    }

    private static long mulSat(long a, long b) {
        // Both are at most 2^32 - 1, so the product fits in a long.
        return Math.min(a * b, VersionDifference.U32_MAX);
    }

    private static long addSat(long a, long b) {
        return Math.min(a + b, VersionDifference.U32_MAX);
    }
}
