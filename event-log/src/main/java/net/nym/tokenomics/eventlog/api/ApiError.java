package net.nym.tokenomics.eventlog.api;

/** The JSON body of every error answer of every service: a stable code, the field at fault, and why. */
public record ApiError(String error, String field, String reason) {

    public static ApiError of(Rejection r) {
        return new ApiError(r.code(), r.field(), r.reason());
    }
}
