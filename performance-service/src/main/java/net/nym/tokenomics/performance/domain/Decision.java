package net.nym.tokenomics.performance.domain;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a pure {@code decide}: either the events to append (possibly none) or one typed rejection.
 * Nothing is persisted on a rejection.
 */
public sealed interface Decision<E, R> {

    record Accepted<E, R>(List<E> events) implements Decision<E, R> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<E, R>(R rejection) implements Decision<E, R> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <E, R> Decision<E, R> accept(E event) {
        return new Accepted<>(List.of(event));
    }

    static <E, R> Decision<E, R> reject(R rejection) {
        return new Rejected<>(rejection);
    }
}
