package net.nym.tokenomics.selection.domain.clock;

import java.util.List;

/** The outcome of {@link EpochClock#decide}: events to append (possibly none) or a typed rejection. */
public sealed interface Decision {

    record Accepted(List<EpochClockEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(ClockRejection rejection) implements Decision {
    }

    static Decision accept(EpochClockEvent... events) {
        return new Accepted(List.of(events));
    }

    static Decision reject(ClockRejection rejection) {
        return new Rejected(rejection);
    }
}
