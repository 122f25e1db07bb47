package net.nym.tokenomics.ticketledger.rest;

import jakarta.ws.rs.core.Response;

import java.util.Map;

/** A refusal at the edge: HTTP status plus the JSON body that names the field and the reason. Nothing was persisted. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final ErrorBody body;
    private final Map<String, String> headers;

    public ApiException(int status, String error, String field, String reason) {
        this(status, new ErrorBody(error, field, reason), Map.of());
    }

    public ApiException(int status, ErrorBody body, Map<String, String> headers) {
        super(body.reason(), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    public Response toResponse() {
        Response.ResponseBuilder r = Response.status(status).type("application/json").entity(body);
        headers.forEach(r::header);
        return r.build();
    }

    public int status() {
        return status;
    }

    public ErrorBody body() {
        return body;
    }
}
