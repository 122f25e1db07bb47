package net.nym.tokenomics.eventlog.store;

/** A point in the log's total order: (writing transaction id, global position), compared in that order. */
public record LogPosition(long transactionId, long globalPosition) implements Comparable<LogPosition> {

    public static final LogPosition START = new LogPosition(0, 0);

    @Override
    public int compareTo(LogPosition o) {
        int c = Long.compare(transactionId, o.transactionId);
        return c != 0 ? c : Long.compare(globalPosition, o.globalPosition);
    }

    public boolean isAfter(LogPosition o) {
        return compareTo(o) > 0;
    }
}
