package net.nym.tokenomics.performance.domain.version;

import java.time.Instant;
import java.util.Objects;

/** One release on the chain: its id (0 for genesis, then +1), version, when it was added and its distance from genesis. */
public record ReleaseEntry(long id, Semver semver, Instant introducedAt, VersionDifference differenceSinceGenesis) {
    public ReleaseEntry {
        if (id < 0) {
            throw new IllegalArgumentException("release id must be non-negative");
        }
        Objects.requireNonNull(semver, "semver");
        Objects.requireNonNull(introducedAt, "introducedAt");
        Objects.requireNonNull(differenceSinceGenesis, "differenceSinceGenesis");
    }
}
