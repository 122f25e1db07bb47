package net.nym.tokenomics.eventlog.command;

import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.eventlog.store.NewEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a decider made of a command against the current state: the events to append (each encoded, with its decoded
 * value so the state can evolve without decoding it again), the effects to write in the same transaction (rows of a
 * read model or index), and the result to hand back; or a {@link Rejection}, which records nothing.
 */
public sealed interface Decision<R> {

    /** Writes done in the command's transaction, before its events are appended (a read model, an index). */
    @FunctionalInterface
    interface Effects {
        void write(Connection c) throws SQLException;

        Effects NONE = c -> { };
    }

    /** An event to append and the value it encodes (null: the state decodes the stored form itself). */
    record Pending(NewEvent event, Object decoded) {
        public Pending {
            Objects.requireNonNull(event, "event");
        }
    }

    record Accepted<R>(List<Pending> events, Effects effects, R result) implements Decision<R> {
        public Accepted {
            events = List.copyOf(events);
            Objects.requireNonNull(effects, "effects");
        }

        public List<NewEvent> encoded() {
            List<NewEvent> out = new ArrayList<>(events.size());
            for (Pending p : events) {
                out.add(p.event());
            }
            return out;
        }
    }

    record Rejected<R>(Rejection rejection) implements Decision<R> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <R> Decision<R> accept(List<Pending> events, R result) {
        return new Accepted<>(events, Effects.NONE, result);
    }

    static <R> Decision<R> accept(List<Pending> events, Effects effects, R result) {
        return new Accepted<>(events, effects, result);
    }

    /** Nothing to record (an idempotent no-op), with a result. */
    static <R> Decision<R> none(R result) {
        return new Accepted<>(List.of(), Effects.NONE, result);
    }

    static <R> Decision<R> reject(Rejection rejection) {
        return new Rejected<>(rejection);
    }
}
