package net.nym.tokenomics.selection.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The error body of every 4xx: what failed, which field, and why. */
public record ApiError(String error, String field, String reason) {

    static Response response(int status, String error, String field, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(error, field, reason)).build();
    }

    static long epochId(String text) {
        try {
            long e = Long.parseLong(text);
            if (e < 0) {
                throw new BadRequest("epoch_id", "must be >= 0, got " + text);
            }
            return e;
        } catch (NumberFormatException ex) {
            throw new BadRequest("epoch_id", "must be a non-negative integer, got '" + text + "'");
        }
    }

    /** A request that names a bad field; mapped to 400 by {@link ErrorMappers}. */
    public static final class BadRequest extends RuntimeException {
        final String field;
        final String reason;

        public BadRequest(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }
    }
}
