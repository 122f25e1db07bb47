package net.nym.tokenomics.eventlog.command;

import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.store.SnapshotStore;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The snapshots of one fold (docs/adr/0011): where they are kept, their codec, after how many events a new one is
 * taken, and the one way to load one. {@link StreamFold#withSnapshots} uses it for a stream, and a fold over several
 * streams (performance-service's) keys its snapshots by a name of its own and the log position it resumes at; either
 * says, in its {@link LogCheck}, how the log confirms the snapshot's last event.
 *
 * <p>{@link #load} uses the latest snapshot only if (1) the log holds its last event where it says, (2) SHA-256 of its
 * bytes is its digest, (3) the bytes decode and (4) the decoded state encodes to that digest again. It logs nothing:
 * the caller says, in its own words, what it folds instead.
 *
 * @param <S> the fold's state
 */
public final class Snapshots<S> {

    /** How the log confirms a snapshot: it holds {@code lastEventId} at {@code version} (a stream version, a position). */
    @FunctionalInterface
    public interface LogCheck {
        boolean holds(long version, UUID lastEventId) throws SQLException;
    }

    /** What {@link #load} found. */
    public sealed interface Load<S> {
    }

    /** No snapshot in this format at or below the version asked for. */
    public record None<S>() implements Load<S> {
    }

    /** A snapshot that passed every check, and its decoded state (the caller's own from now on). */
    public record Loaded<S>(SnapshotStore.Snapshot snapshot, S state) implements Load<S> {
    }

    /** A snapshot that failed a check: {@code reason} says which. */
    public record Refused<S>(SnapshotStore.Snapshot snapshot, String reason) implements Load<S> {
    }

    /** The snapshots could not be read (e.g. the table is missing). */
    public record Unreadable<S>(RuntimeException cause) implements Load<S> {
    }

    private final SnapshotStore store;
    private final SnapshotCodec<S> codec;
    private final long every;

    /** Snapshots in {@code store}, in {@code codec}'s format, one every {@code every} (at least 1) events. */
    public Snapshots(SnapshotStore store, SnapshotCodec<S> codec, long every) {
        if (every < 1) {
            throw new IllegalArgumentException("a snapshot every 1 or more events, not " + every);
        }
        this.store = Objects.requireNonNull(store);
        this.codec = Objects.requireNonNull(codec);
        this.every = every;
    }

    /** Snapshots every {@code every} events, or none when it is 0 (the {@code eventlog.snapshot.every} setting). */
    public static <S> Optional<Snapshots<S>> every(SnapshotStore store, SnapshotCodec<S> codec, long every) {
        if (every < 0) {
            throw new IllegalArgumentException("snapshot every 0 (never) or more events, not " + every);
        }
        return every == 0 ? Optional.empty() : Optional.of(new Snapshots<>(store, codec, every));
    }

    public long every() {
        return every;
    }

    /** The latest snapshot of {@code stream} at or below {@code maxVersion}, checked as the class comment says. */
    public Load<S> load(String stream, long maxVersion, LogCheck log) throws SQLException {
        Optional<SnapshotStore.Snapshot> found;
        try {
            found = store.latest(stream, codec.format(), maxVersion);
        } catch (RuntimeException e) {
            return new Unreadable<>(e);
        }
        if (found.isEmpty()) {
            return new None<>();
        }
        SnapshotStore.Snapshot s = found.get();
        if (!log.holds(s.streamVersion(), s.lastEventId())) {
            return new Refused<>(s, "the log does not hold its last event " + s.lastEventId() + " at that version");
        }
        if (!StateDigest.sha256Hex(s.state()).equals(s.digest())) {
            return new Refused<>(s, "its bytes do not match its digest");
        }
        S decoded;
        try {
            decoded = codec.decode(s.state());
            if (!StateDigest.sha256Hex(codec.encode(decoded)).equals(s.digest())) {
                return new Refused<>(s, "the decoded state does not encode to its digest again (a lossy codec?)");
            }
        } catch (RuntimeException e) {
            return new Refused<>(s, "it cannot be decoded: " + e);
        }
        return new Loaded<>(s, decoded);
    }

    /**
     * Encodes {@code state} (after the event {@code lastEventId} at {@code version}) and saves it, with its digest, in a
     * transaction of its own; returns the encoded size. A failure is thrown: the caller logs it and goes on.
     */
    public int save(String stream, long version, UUID lastEventId, S state) {
        byte[] bytes = codec.encode(state);
        store.save(new SnapshotStore.Snapshot(stream, version, lastEventId, codec.format(), StateDigest.sha256Hex(bytes),
                bytes));
        return bytes.length;
    }
}
