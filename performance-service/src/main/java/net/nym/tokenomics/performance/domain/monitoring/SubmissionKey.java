package net.nym.tokenomics.performance.domain.monitoring;

import java.util.Comparator;
import java.util.Objects;

/** What makes a submission unique: a replay of the same signed body has the same key. */
public record SubmissionKey(String signer, MonitorKind kind, long timestamp) implements Comparable<SubmissionKey> {

    private static final Comparator<SubmissionKey> ORDER = Comparator.comparingLong(SubmissionKey::timestamp)
            .thenComparing(SubmissionKey::signer).thenComparing(SubmissionKey::kind);

    public SubmissionKey {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public int compareTo(SubmissionKey o) {
        return ORDER.compare(this, o);
    }
}
