package net.nym.tokenomics.rewards.domain;

import java.util.Comparator;
import java.util.Objects;

/** A delegation's identity: one delegation per (node, owner). Ordered by node id, then owner. */
public record DelegationKey(long nodeId, String owner) implements Comparable<DelegationKey> {

    private static final Comparator<DelegationKey> ORDER =
            Comparator.comparingLong(DelegationKey::nodeId).thenComparing(DelegationKey::owner);

    public DelegationKey {
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public int compareTo(DelegationKey o) {
        return ORDER.compare(this, o);
    }
}
