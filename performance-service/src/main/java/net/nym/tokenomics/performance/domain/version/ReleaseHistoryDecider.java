package net.nym.tokenomics.performance.domain.version;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.performance.domain.Decision;

import java.time.Instant;
import java.util.Objects;

/** Decide/evolve for the release chain stream: append-only, strictly increasing versions. */
public final class ReleaseHistoryDecider {

    private ReleaseHistoryDecider() {
    }

    /** Command: add a release; {@code introducedAt} is supplied by the caller (no clock in the domain). */
    public record AppendRelease(String semver, Instant introducedAt) {
        public AppendRelease {
            Objects.requireNonNull(semver, "semver");
            Objects.requireNonNull(introducedAt, "introducedAt");
        }
    }

    /** Event: the entry as appended, with its computed difference since genesis. */
    public record ReleaseAppended(ReleaseEntry entry) {
        public ReleaseAppended {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Why a release was refused; both name the request's {@code semver}. */
    public sealed interface ReleaseRejection extends Rejection {

        @Override
        default String code() {
            return Rejection.codeOf(getClass());
        }

        @Override
        default String field() {
            return "semver";
        }

        /** "field: reason", for log lines. */
        default String message() {
            return field() + ": " + reason();
        }

        record InvalidVersion(String semver, String cause) implements ReleaseRejection {
            public ErrorKind kind() {
                return ErrorKind.INVALID;
            }

            public String reason() {
                return "'" + semver + "' is not a valid version (" + cause + ")";
            }
        }

        /** The chain only grows: a release at or below the latest contradicts it. */
        record NotNewerThanLatest(Semver requested, Semver latest) implements ReleaseRejection {
            public ErrorKind kind() {
                return ErrorKind.CONFLICT;
            }

            public String reason() {
                return requested + " is not greater than the latest release " + latest;
            }
        }
    }

    public static Decision<ReleaseAppended, ReleaseRejection> decide(AppendRelease command, ReleaseHistory state) {
        Semver version;
        try {
            version = Semver.parse(command.semver());
        } catch (InvalidSemverException e) {
            return Decision.reject(new ReleaseRejection.InvalidVersion(command.semver(), e.reason()));
        }
        var latest = state.latest();
        if (latest.isPresent() && !version.isGreaterThan(latest.get().semver())) {
            return Decision.reject(new ReleaseRejection.NotNewerThanLatest(version, latest.get().semver()));
        }
        return Decision.accept(new ReleaseAppended(state.nextEntry(version, command.introducedAt())));
    }

    public static ReleaseHistory evolve(ReleaseHistory state, ReleaseAppended event) {
        return state.with(event.entry());
    }
}
