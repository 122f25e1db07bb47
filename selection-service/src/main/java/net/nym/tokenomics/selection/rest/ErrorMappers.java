package net.nym.tokenomics.selection.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps request errors to the JSON error body. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response badRequest(ApiError.BadRequest e) {
        return ApiError.response(400, "invalid request", e.field, e.reason);
    }
}
