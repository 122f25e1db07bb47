package net.nym.tokenomics.rewards.domain;

import java.util.List;
import java.util.Objects;

/** The answer of {@code decide}: the events to append, in order, or why nothing happens. */
public sealed interface Decision {

    record Accepted(List<LedgerEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(LedgerRejection rejection) implements Decision {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static Decision accept(LedgerEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision reject(LedgerRejection rejection) {
        return new Rejected(rejection);
    }
}
