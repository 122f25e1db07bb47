package net.nym.tokenomics.eventlog.api;

/**
 * The kinds of refusal every service answers with, and the one HTTP status each maps to. The table is
 * {@code docs/architecture.md}'s "Errors"; every service's error-table test sends one bad request per row.
 */
public enum ErrorKind {
    /** A field is missing, malformed or out of range: nothing was recorded. */
    INVALID(400),
    /** No credentials, or credentials that do not verify (bad signature, expired or forged token). */
    UNAUTHENTICATED(401),
    /** Authenticated, but not allowed: another account's node, a signer not on the allow-list, a missing role. */
    FORBIDDEN(403),
    /** The thing named does not exist. */
    NOT_FOUND(404),
    /** The request contradicts the recorded state: a duplicate, a replay, a state that does not allow it. */
    CONFLICT(409),
    /** The body or a list in it is larger than the service accepts. */
    TOO_LARGE(413),
    /** The caller sent more than its rate allows; retry later. */
    RATE_LIMITED(429),
    /** The service cannot decide yet (not initialised, state still loading, an input it needs not seen yet). */
    NOT_READY(503);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
