package net.nym.tokenomics.eventlog.command;

/**
 * How a fold's state is written into a snapshot and read back ({@link StreamFold#withSnapshots}).
 *
 * <p>Contract: {@link #encode} is deterministic — the same state gives the same bytes on every JVM (sorted maps,
 * canonical JSON such as event-log's {@code Json}, decimals as strings) — and {@code encode(decode(b))} equals
 * {@code b} for the bytes it wrote; the fold checks the second on every load, so a lossy codec only costs a full
 * fold. Change {@link #format} whenever the encoding changes: snapshots of another format are ignored.
 *
 * @param <S> the fold's state
 */
public interface SnapshotCodec<S> {

    /** The name and version of the encoding, e.g. {@code "selection-view/1"}. */
    String format();

    byte[] encode(S state);

    /** A new state equal to the one encoded; it becomes the fold's own, so it must share nothing mutable. */
    S decode(byte[] bytes);
}
