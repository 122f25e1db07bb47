package net.nym.tokenomics.ticketledger.rest;

import net.nym.tokenomics.eventlog.signing.Ed25519;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.ticketledger.application.BatchRedemptions;
import net.nym.tokenomics.ticketledger.application.LedgerWriter.BatchResult;
import net.nym.tokenomics.ticketledger.domain.ledger.Rejection;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code POST /v1/ticket-batches}: a gateway's signed batch of redeemed zk-nym tickets. */
@Path("/v1/ticket-batches")
public class TicketBatchResource {

    /** Header set on the answer to a resubmission: the body is the original judgement. */
    public static final String REPLAY_HEADER = "Idempotent-Replayed";

    /** snake_case, unknown properties refused: a misspelt field is an error, not a silently missing value. */
    private static final ObjectMapper REQUEST = Json.mapper();

    private final BatchRedemptions redemptions;

    public TicketBatchResource(BatchRedemptions redemptions) {
        this.redemptions = redemptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TicketBatchRequest.class))) String body) {
        BatchRedemptions.SignedBatch batch = parse(body);
        return switch (redemptions.redeem(batch)) {
            case BatchRedemptions.Outcome.BadSignature b -> throw new ApiException(401, "bad_signature", "signature",
                    "signature does not verify with the identity key of gateway " + batch.gateway()
                            + " over the batch signing payload (nym-ticket-batch-v1)");
            case BatchRedemptions.Outcome.RateLimited r -> throw new ApiException(429,
                    new ErrorBody("rate_limited", "gateway", "gateway " + batch.gateway() + " sent batches faster than "
                            + "it may; retry after " + r.retryAfter().toMillis() + " ms"),
                    Map.of("Retry-After", Long.toString(Math.max(1, (r.retryAfter().toMillis() + 999) / 1000))));
            case BatchRedemptions.Outcome.Done d -> switch (d.result()) {
                case BatchResult.Judged j -> Response.ok(BatchResponse.of(j.event())).build();
                case BatchResult.Resubmitted r -> Response.ok(BatchResponse.of(r.original())).header(REPLAY_HEADER, "true").build();
                case BatchResult.Refused r -> throw refusal(r.rejection());
                case BatchResult.EpochUnknown u -> throw new ApiException(503, "epoch_unknown", null,
                        "the ledger has not yet learnt the current epoch from selection-service; retry later");
            };
        };
    }

    static ApiException refusal(Rejection rejection) {
        int status = switch (rejection) {
            case Rejection.UnknownGateway r -> 403;
            case Rejection.GatewayNotBonded r -> 403;
            case Rejection.BatchTooLarge r -> 413;
            case Rejection.IdempotencyKeyConflict r -> 409;
            default -> 422;
        };
        return new ApiException(status, code(rejection), rejection.field(), rejection.message());
    }

    /** UnknownGateway -> unknown_gateway. */
    static String code(Rejection rejection) {
        return rejection.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private BatchRedemptions.SignedBatch parse(String body) {
        TicketBatchRequest req;
        try {
            req = REQUEST.readValue(body == null ? "" : body, TicketBatchRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new ApiException(400, "malformed_json", field.isEmpty() ? null : field, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", null, e.getOriginalMessage());
        }
        if (req == null) {
            throw new ApiException(400, "malformed_json", null, "the body must be a JSON object");
        }
        GatewayIdentity gateway = gateway(required(req.gateway(), "gateway"));
        String key = required(req.idempotencyKey(), "idempotency_key");
        List<TicketBatchRequest.Ticket> raw = required(req.tickets(), "tickets");
        int max = redemptions.config().maxBatchSize();
        if (raw.size() > max) {
            throw new ApiException(413, "batch_too_large", "tickets", "batch has " + raw.size()
                    + " tickets, the maximum is " + max + " (ticket-ledger.max-batch-size)");
        }
        List<SubmittedTicket> tickets = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            TicketBatchRequest.Ticket t = required(raw.get(i), "tickets[" + i + "]");
            String spendDate = required(t.spendDate(), "tickets[" + i + "].spend_date");
            LocalDate date;
            try {
                date = LocalDate.parse(spendDate);
            } catch (DateTimeParseException e) {
                throw new ApiException(422, "invalid_field", "tickets[" + i + "].spend_date",
                        "'" + spendDate + "' is not a date YYYY-MM-DD");
            }
            tickets.add(new SubmittedTicket(required(t.serial(), "tickets[" + i + "].serial"),
                    required(t.ticketType(), "tickets[" + i + "].ticket_type"), date));
        }
        String submittedAtText = required(req.submittedAt(), "submitted_at");
        Instant submittedAt;
        try {
            submittedAt = Instant.parse(submittedAtText);
        } catch (DateTimeParseException e) {
            throw new ApiException(422, "invalid_field", "submitted_at",
                    "'" + submittedAtText + "' is not an ISO-8601 UTC instant such as 2026-05-16T12:00:00Z");
        }
        if (req.digest() != null) {
            base58(req.digest(), "digest", 32);
        }
        String signature = required(req.signature(), "signature");
        base58(signature, "signature", Ed25519.SIGNATURE_BYTES);
        return new BatchRedemptions.SignedBatch(gateway, key, tickets, Optional.ofNullable(req.digest()), submittedAt, signature);
    }

    private static GatewayIdentity gateway(String text) {
        base58(text, "gateway", GatewayIdentity.KEY_BYTES);
        return new GatewayIdentity(text);
    }

    private static void base58(String text, String field, int bytes) {
        byte[] decoded;
        try {
            decoded = Base58.decode(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "malformed_base58", field, field + " is not Base58: " + e.getMessage());
        }
        if (decoded.length != bytes) {
            throw new ApiException(422, "malformed_base58", field, field + " decodes to " + decoded.length
                    + " bytes, expected " + bytes);
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new ApiException(400, "missing_field", field, field + " is required");
        }
        return value;
    }
}
