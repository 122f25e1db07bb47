package net.nym.tokenomics.selection.domain.clock;

import java.util.List;

/** The outcome of {@link EpochClock#decide}: events to append (possibly none) or a typed rejection. */
public sealed interface ClockDecision {

    record Accepted(List<EpochClockEvent> events) implements ClockDecision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(ClockRejection rejection) implements ClockDecision {
    }

    static ClockDecision accept(EpochClockEvent... events) {
        return new Accepted(List.of(events));
    }

    static ClockDecision reject(ClockRejection rejection) {
        return new Rejected(rejection);
    }
}
