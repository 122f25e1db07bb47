package net.nym.tokenomics.performance.domain.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The append-only release chain (the mixnet contract's nym-node version history). Ids ascend from 0 and versions
 * strictly increase along the chain, which the {@link ReleaseHistoryDecider} guarantees; lookups rely on it.
 */
public record ReleaseHistory(List<ReleaseEntry> entries) {

    public static final ReleaseHistory EMPTY = new ReleaseHistory(List.of());

    public ReleaseHistory {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
    }

    /** Builds a chain by appending each version in turn, as the contract does; for tests and fixtures. */
    public static ReleaseHistory of(java.time.Instant introducedAt, String... versions) {
        ReleaseHistory history = EMPTY;
        for (String v : versions) {
            history = history.with(history.nextEntry(Semver.parse(v), introducedAt));
        }
        return history;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Optional<ReleaseEntry> latest() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast());
    }

    /** The entry that would follow the latest one for {@code next}; the caller checks that {@code next} is newer. */
    public ReleaseEntry nextEntry(Semver next, java.time.Instant introducedAt) {
        if (entries.isEmpty()) {
            return new ReleaseEntry(0, next, introducedAt, VersionDifference.ZERO);
        }
        ReleaseEntry last = entries.getLast();
        return new ReleaseEntry(last.id() + 1, next, introducedAt,
                VersionDifference.cumulative(last.semver(), last.differenceSinceGenesis(), next));
    }

    public ReleaseHistory with(ReleaseEntry entry) {
        List<ReleaseEntry> next = new ArrayList<>(entries.size() + 1);
        next.addAll(entries);
        next.add(entry);
        return new ReleaseHistory(next);
    }

    /**
     * B.4 {@code versions_behind_factor}. Empty chain: 0. Ahead of the latest release: 0 when one semver step
     * ahead (the release may not be recorded yet), else a major version's weight for "cheating". Otherwise the
     * distance from the node's place on the chain to the latest entry, weighted.
     */
    public long versionsBehindFactor(Semver node, VersionWeights weights) {
        if (entries.isEmpty()) {
            return 0;
        }
        ReleaseEntry latest = entries.getLast();
        if (node.isGreaterThan(latest.semver())) {
            return isOneSemverStep(node, latest.semver()) ? 0 : weights.major();
        }
        ReleaseEntry at = lastAtOrBelow(node);
        VersionDifference diff;
        if (at != null) {
            VersionDifference nodeDiff = at.semver().toString().equals(node.toString())
                    ? at.differenceSinceGenesis()
                    : VersionDifference.cumulative(at.semver(), at.differenceSinceGenesis(), node);
            diff = latest.differenceSinceGenesis().saturatingMinus(nodeDiff);
        } else {
            diff = VersionDifference.legacy(entries.getFirst().semver(), node).plus(latest.differenceSinceGenesis());
        }
        return weights.factor(diff);
    }

    /** The last entry whose version is at or below {@code node}, or null if the node predates genesis. */
    private ReleaseEntry lastAtOrBelow(Semver node) {
        int lo = 0;
        int hi = entries.size() - 1;
        ReleaseEntry found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ReleaseEntry e = entries.get(mid);
            if (e.semver().compareTo(node) <= 0) {
                found = e;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /**
     * The contract's {@code is_one_semver_difference}: |Δmajor| = 1; or same major and |Δminor| = 1; or same
     * major and minor and |Δpatch| = 1; failing those, any difference in pre-release tags (whatever the numbers).
     */
    static boolean isOneSemverStep(Semver a, Semver b) {
        long dMajor = VersionDifference.absDiff(a.major(), b.major());
        long dMinor = VersionDifference.absDiff(a.minor(), b.minor());
        long dPatch = VersionDifference.absDiff(a.patch(), b.patch());
        if (dMajor == 1) {
            return true;
        }
        if (dMajor == 0 && dMinor == 1) {
            return true;
        }
        if (dMajor == 0 && dMinor == 0 && dPatch == 1) {
            return true;
        }
        return !a.prerelease().equals(b.prerelease());
    }
}
