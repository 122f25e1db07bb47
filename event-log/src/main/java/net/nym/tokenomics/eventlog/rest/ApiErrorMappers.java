package net.nym.tokenomics.eventlog.rest;

import net.nym.tokenomics.eventlog.api.ApiError;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The exception mappers every service shares (discovered by Quarkus in this module's bean archive): a
 * {@link RejectedException} is answered with its kind's status and the {@link ApiError} body; unreadable JSON,
 * framework refusals (401, 403, 404, 405, 413, 415) and security failures get the same body; anything else is a real
 * fault: a 500 with a generic body and one log line with the stack trace, never a rejection.
 */
public class ApiErrorMappers {

    private static final Logger LOG = Logger.getLogger(ApiErrorMappers.class);

    @ServerExceptionMapper
    public Response rejected(RejectedException e) {
        Response.ResponseBuilder r = Response.status(e.rejection().kind().status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(e.rejection()));
        e.headers().forEach(r::header);
        return r.build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return response(ErrorKind.INVALID.status(), new ApiError("malformed_json", fieldOf(e), e.getOriginalMessage()));
    }

    /**
     * Quarkus REST has a built-in mapper for this subtype (a 400 with an empty body), which would win over
     * {@link #unreadable}: a value of the wrong type, or a string {@code RequestJson} refuses (a NUL), gets the JSON body.
     */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException j) {
            return response(ErrorKind.INVALID.status(), new ApiError("malformed_json", fieldOf(j), j.getOriginalMessage()));
        }
        String code = switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            default -> "http_" + status;
        };
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
        }
        return response(status, new ApiError(code, "request", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return response(ErrorKind.UNAUTHENTICATED.status(), new ApiError("unauthenticated", "authorization",
                "a valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return response(ErrorKind.UNAUTHENTICATED.status(), new ApiError("unauthenticated", "authorization",
                "the bearer token does not verify"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(ErrorKind.FORBIDDEN.status(), new ApiError("forbidden", "authorization",
                "the token's roles do not allow this"));
    }

    /** A fault, not a refusal: logged with its stack trace; the body says nothing about the internals. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable t) {
        LOG.errorf(t, "unexpected failure while handling a request");
        return response(500, new ApiError("internal_error", null, "the request failed on the server; it was logged"));
    }

    /** The JSON path of the value Jackson could not read ({@code nodes[3].amount}), else {@code body}. */
    public static String fieldOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return "body";
        }
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    public static Response response(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
