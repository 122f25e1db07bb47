package net.nym.tokenomics.selection.domain.clock;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.Rejection;

import java.time.Instant;

/**
 * Why a clock command was refused; each names the field and the reason, and its kind: a command the clock's state does
 * not allow is a {@link ErrorKind#CONFLICT}, a clock not initialised yet {@link ErrorKind#NOT_READY}, a malformed
 * command or configuration {@link ErrorKind#INVALID}. The code is the record's name in snake case.
 */
public sealed interface ClockRejection extends Rejection {

    @Override
    default String code() {
        return Rejection.codeOf(getClass());
    }

    /** {@code field: reason}, for log lines. */
    default String message() {
        return field() + ": " + reason();
    }

    record NotInitialized() implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.NOT_READY;
        }

        public String field() {
            return "clock";
        }

        public String reason() {
            return "not initialised yet";
        }
    }

    record AlreadyInitialized() implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        public String field() {
            return "clock";
        }

        public String reason() {
            return "already initialised";
        }
    }

    record InvalidClockConfig(String field, String reason) implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.INVALID;
        }
    }

    record AdvanceRequiresManualMode(ClockMode mode) implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        public String field() {
            return "mode";
        }

        public String reason() {
            return "advance is only allowed in MANUAL mode, clock is " + mode;
        }
    }

    record TransitionInProgress(long awaitingEpochId) implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        public String field() {
            return "epoch_id";
        }

        public String reason() {
            return "epoch " + awaitingEpochId + " is waiting for its rewarded set";
        }
    }

    record TimeBeforeEpochStart(long epochId, Instant start, Instant now) implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        public String field() {
            return "now";
        }

        public String reason() {
            return now + " is before the start " + start + " of epoch " + epochId;
        }
    }

    record NotAwaitingSelection(long epochId, long runningEpochId) implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        public String field() {
            return "epoch_id";
        }

        public String reason() {
            return "epoch " + runningEpochId + " is running, no rewarded set is due for " + epochId;
        }
    }

    record WrongEpoch(long expected, long given) implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.CONFLICT;
        }

        public String field() {
            return "epoch_id";
        }

        public String reason() {
            return "expected " + expected + ", got " + given;
        }
    }

    record InvalidCommand(String field, String reason) implements ClockRejection {
        public ErrorKind kind() {
            return ErrorKind.INVALID;
        }
    }
}
