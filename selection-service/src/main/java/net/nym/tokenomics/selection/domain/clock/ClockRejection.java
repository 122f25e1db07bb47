package net.nym.tokenomics.selection.domain.clock;

import java.time.Instant;

/** Why a clock command was refused; each names the field and the reason. */
public sealed interface ClockRejection {

    String message();

    record NotInitialized() implements ClockRejection {
        public String message() {
            return "clock: not initialised yet";
        }
    }

    record AlreadyInitialized() implements ClockRejection {
        public String message() {
            return "clock: already initialised";
        }
    }

    record InvalidClockConfig(String field, String reason) implements ClockRejection {
        public String message() {
            return field + ": " + reason;
        }
    }

    record AdvanceRequiresManualMode(ClockMode mode) implements ClockRejection {
        public String message() {
            return "mode: advance is only allowed in MANUAL mode, clock is " + mode;
        }
    }

    record TransitionInProgress(long awaitingEpochId) implements ClockRejection {
        public String message() {
            return "epoch_id: epoch " + awaitingEpochId + " is waiting for its rewarded set";
        }
    }

    record TimeBeforeEpochStart(long epochId, Instant start, Instant now) implements ClockRejection {
        public String message() {
            return "now: " + now + " is before the start " + start + " of epoch " + epochId;
        }
    }

    record NotAwaitingSelection(long epochId, long runningEpochId) implements ClockRejection {
        public String message() {
            return "epoch_id: epoch " + runningEpochId + " is running, no rewarded set is due for " + epochId;
        }
    }

    record WrongEpoch(long expected, long given) implements ClockRejection {
        public String message() {
            return "epoch_id: expected " + expected + ", got " + given;
        }
    }

    record InvalidCommand(String field, String reason) implements ClockRejection {
        public String message() {
            return field + ": " + reason;
        }
    }
}
