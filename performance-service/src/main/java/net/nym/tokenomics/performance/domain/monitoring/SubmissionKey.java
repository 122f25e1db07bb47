package net.nym.tokenomics.performance.domain.monitoring;

import java.util.Comparator;
import java.util.Objects;

/**
 * What makes a submission unique: its signed bytes, named by {@code signedDigest} (hex SHA-256 of signer and signed
 * bytes). A replay of the same body has the same key; the real monitor's chunks, signed in the same second, differ in
 * their results and so in their digests. {@code timestamp} orders the keys for pruning. {@code signedDigest} is null
 * for submissions recorded before it was kept: such a key never matches a new one (the event ids, derived from the
 * same digest, still refuse a replay; see ADR 0013).
 */
public record SubmissionKey(String signer, MonitorKind kind, long timestamp, String signedDigest)
        implements Comparable<SubmissionKey> {

    private static final Comparator<SubmissionKey> ORDER = Comparator.comparingLong(SubmissionKey::timestamp)
            .thenComparing(SubmissionKey::signer).thenComparing(SubmissionKey::kind)
            .thenComparing(SubmissionKey::signedDigest, Comparator.nullsFirst(Comparator.naturalOrder()));

    public SubmissionKey {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(kind, "kind");
    }

    /** The smallest key with this timestamp: everything before it is older. */
    static SubmissionKey first(long timestamp) {
        return new SubmissionKey("", MonitorKind.NODE, timestamp, null);
    }

    @Override
    public int compareTo(SubmissionKey o) {
        return ORDER.compare(this, o);
    }
}
