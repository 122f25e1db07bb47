package net.nym.tokenomics.rewards.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.nym.tokenomics.rewards.application.CommandRejected;
import net.nym.tokenomics.rewards.domain.LedgerRejection;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Rejections and bad input as {@code {"error", "field", "reason"}} with the status the kind of problem calls for. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response rejected(CommandRejected e) {
        LedgerRejection r = e.rejection();
        Response.Status status = switch (r) {
            case LedgerRejection.NodeNotFound x -> Response.Status.NOT_FOUND;
            case LedgerRejection.DelegationNotFound x -> Response.Status.NOT_FOUND;
            case LedgerRejection.NotNodeOwner x -> Response.Status.FORBIDDEN;
            case LedgerRejection.NotInitialized x -> Response.Status.SERVICE_UNAVAILABLE;
            case LedgerRejection.InvalidAmount x -> Response.Status.BAD_REQUEST;
            case LedgerRejection.InvalidParameters x -> Response.Status.BAD_REQUEST;
            case LedgerRejection.MissingAccount x -> Response.Status.BAD_REQUEST;
            case LedgerRejection.PledgeBelowMinimum x -> Response.Status.BAD_REQUEST;
            case LedgerRejection.InvalidPledgeReduction x -> Response.Status.BAD_REQUEST;
            case LedgerRejection.ProfitMarginOutOfRange x -> Response.Status.BAD_REQUEST;
            case LedgerRejection.OperatingCostOutOfRange x -> Response.Status.BAD_REQUEST;
            default -> Response.Status.CONFLICT;
        };
        return error(status, name(r), r.field(), r.reason());
    }

    @ServerExceptionMapper
    public Response badInput(BadInput e) {
        return error(e.status, "invalid_input", e.field, e.reason);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("body");
        }
        return error(Response.Status.BAD_REQUEST, "invalid_input", field, "malformed JSON: " + e.getOriginalMessage());
    }

    static Response error(Response.Status status, String error, String field, String reason) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(error, field, reason)).build();
    }

    /** {@code NodeNotFound} becomes {@code node_not_found}. */
    private static String name(LedgerRejection r) {
        return r.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
    }
}
