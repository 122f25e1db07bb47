package net.nym.tokenomics.eventlog.api;

import java.util.Map;

/**
 * A refusal travelling from a handler or resource to the shared exception mappers (net.nym.tokenomics.eventlog.rest.ApiErrorMappers):
 * answered with the rejection's status and {@link ApiError} body. Nothing was recorded when one is thrown.
 */
public final class RejectedException extends RuntimeException {

    private final transient Rejection rejection;
    private final Map<String, String> headers;

    public RejectedException(Rejection rejection) {
        this(rejection, Map.of());
    }

    /** @param headers response headers to send with the refusal (e.g. {@code Retry-After} for a rate limit) */
    public RejectedException(Rejection rejection, Map<String, String> headers) {
        super(rejection.field() + ": " + rejection.reason(), null, false, false);
        this.rejection = rejection;
        this.headers = Map.copyOf(headers);
    }

    public static RejectedException invalid(String field, String reason) {
        return new RejectedException(Rejection.invalid(field, reason));
    }

    public static RejectedException of(ErrorKind kind, String code, String field, String reason) {
        return new RejectedException(Rejection.of(kind, code, field, reason));
    }

    public Rejection rejection() {
        return rejection;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
