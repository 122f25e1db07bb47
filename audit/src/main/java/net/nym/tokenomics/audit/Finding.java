package net.nym.tokenomics.audit;

/**
 * One thing the log does not back up.
 *
 * @param epoch the epoch it concerns ({@code -1} for a defect of a topic's sequence, which undermines everything after)
 * @param check which check failed, e.g. {@code selection.recompute} or {@code rewards.epoch}
 * @param where the topic and event, e.g. {@code nym.selection.events log-seq 812 (selection.RewardedSetSelected, ...)}
 * @param what what differs: recomputed against recorded
 */
public record Finding(long epoch, String check, String where, String what) {

    @Override
    public String toString() {
        return (epoch < 0 ? "" : "epoch " + epoch + ": ") + check + " at " + where + ": " + what;
    }
}
