package net.nym.tokenomics.performance.domain.version;

/**
 * The contract's {@code TotalVersionDifference}: how many major, minor, patch and pre-release steps separate a
 * version from the genesis release. Components are u32 in the contract; here they are non-negative longs that
 * saturate at {@link #U32_MAX} instead of overflowing.
 */
public record VersionDifference(long major, long minor, long patch, long prerelease) {

    public static final long U32_MAX = 0xFFFF_FFFFL;
    public static final VersionDifference ZERO = new VersionDifference(0, 0, 0, 0);

    public VersionDifference {
        if (major < 0 || minor < 0 || patch < 0 || prerelease < 0) {
            throw new IllegalArgumentException("version difference components must be non-negative");
        }
    }

    public VersionDifference plus(VersionDifference o) {
        return new VersionDifference(sat(major + o.major), sat(minor + o.minor), sat(patch + o.patch),
                sat(prerelease + o.prerelease));
    }

    /** Component-wise subtraction that stops at 0, as B.4 specifies for {@code latest.diff − d_node}. */
    public VersionDifference saturatingMinus(VersionDifference o) {
        return new VersionDifference(Math.max(0, major - o.major), Math.max(0, minor - o.minor),
                Math.max(0, patch - o.patch), Math.max(0, prerelease - o.prerelease));
    }

    /**
     * B.4 {@code cumulative(prev, new)}: prev's difference with the first component in which {@code next} is larger
     * advanced by the size of that step (major, else minor, else patch); with equal numbers, a different pre-release
     * tag counts one pre-release step. The lower components of {@code next} are ignored: 1.2.4 → 1.3.0 is one
     * minor step, not "minus four patches".
     */
    public static VersionDifference cumulative(Semver prev, VersionDifference prevDiff, Semver next) {
        if (next.major() > prev.major()) {
            return prevDiff.plus(new VersionDifference(clamp(next.major() - prev.major()), 0, 0, 0));
        }
        if (next.minor() > prev.minor()) {
            return prevDiff.plus(new VersionDifference(0, clamp(next.minor() - prev.minor()), 0, 0));
        }
        if (next.patch() > prev.patch()) {
            return prevDiff.plus(new VersionDifference(0, 0, clamp(next.patch() - prev.patch()), 0));
        }
        if (!next.prerelease().equals(prev.prerelease())) {
            return prevDiff.plus(new VersionDifference(0, 0, 0, 1));
        }
        return prevDiff;
    }

    /**
     * B.4 {@code legacy(genesis, node)} for nodes older than the first release on the chain: only the most
     * significant differing number counts (|Δmajor|, else |Δminor|, else |Δpatch| plus one if the pre-release tags
     * differ).
     */
    public static VersionDifference legacy(Semver genesis, Semver node) {
        long dMajor = absDiff(genesis.major(), node.major());
        if (dMajor != 0) {
            return new VersionDifference(dMajor, 0, 0, 0);
        }
        long dMinor = absDiff(genesis.minor(), node.minor());
        if (dMinor != 0) {
            return new VersionDifference(0, dMinor, 0, 0);
        }
        return new VersionDifference(0, 0, absDiff(genesis.patch(), node.patch()),
                genesis.prerelease().equals(node.prerelease()) ? 0 : 1);
    }

    static long absDiff(long a, long b) {
        return clamp(a >= b ? a - b : b - a);
    }

    private static long clamp(long v) {
        return Math.min(v, U32_MAX);
    }

    private static long sat(long v) {
        return v < 0 || v > U32_MAX ? U32_MAX : v;
    }
}
