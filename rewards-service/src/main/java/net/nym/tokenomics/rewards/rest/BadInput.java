package net.nym.tokenomics.rewards.rest;

import jakarta.ws.rs.core.Response;

/** Input refused at the edge (before the domain sees it). */
public final class BadInput extends RuntimeException {

    final Response.Status status;
    final String field;
    final String reason;

    public BadInput(String field, String reason) {
        this(Response.Status.BAD_REQUEST, field, reason);
    }

    public BadInput(Response.Status status, String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.status = status;
        this.field = field;
        this.reason = reason;
    }
}
