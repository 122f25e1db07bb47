package net.nym.tokenomics.ticketledger.rest;

import net.nym.tokenomics.eventlog.signing.Ed25519;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import net.nym.tokenomics.eventlog.json.RequestJson;
import net.nym.tokenomics.ticketledger.application.BatchRedemptions;
import net.nym.tokenomics.ticketledger.application.LedgerWriter.BatchResult;
import net.nym.tokenomics.ticketledger.application.LedgerWriter;
import net.nym.tokenomics.eventlog.api.ApiError;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.eventlog.rest.ApiErrorMappers;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import net.nym.tokenomics.eventlog.api.BoundedInput;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchDigest;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code POST /v1/ticket-batches}: a gateway's signed batch of redeemed zk-nym tickets. */
@Path("/v1/ticket-batches")
public class TicketBatchResource {

    /** Header set on the answer to a resubmission: the body is the original judgement. */
    public static final String REPLAY_HEADER = "Idempotent-Replayed";

    /**
     * snake_case, unknown properties refused (a misspelt field is an error, not a silently missing value), with the
     * shared request limits: nesting, number and string lengths, no NUL.
     */
    private static final ObjectMapper REQUEST = RequestJson.mapper();

    /** Longer than any ISO-8601 date or instant ({@code +999999999-12-31T23:59:59.999999999Z} is 36 characters). */
    private static final int MAX_DATE_TEXT = 64;

    /** The instants a signed payload can carry: its epoch milliseconds must fit a long (years ±292 million). */
    private static final Instant EARLIEST_SUBMISSION = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LATEST_SUBMISSION = Instant.ofEpochMilli(Long.MAX_VALUE);

    private static final Logger LOG = Logger.getLogger(TicketBatchResource.class);

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
            case BatchRedemptions.Outcome.BadSignature b -> throw RejectedException.of(ErrorKind.UNAUTHENTICATED,
                    "bad_signature", "signature", "signature does not verify with the identity key of gateway "
                            + batch.gateway() + " over the batch signing payload (nym-ticket-batch-v1)");
            case BatchRedemptions.Outcome.RateLimited r -> throw new RejectedException(Rejection.of(ErrorKind.RATE_LIMITED,
                    "rate_limited", "gateway", "gateway " + batch.gateway() + " sent batches faster than it may; retry after "
                            + r.retryAfter().toMillis() + " ms"),
                    Map.of("Retry-After", Long.toString(Math.max(1, (r.retryAfter().toMillis() + 999) / 1000))));
            case BatchRedemptions.Outcome.Done d -> switch (d.result()) {
                case BatchResult.Judged j -> Response.ok(BatchResponse.of(j.event())).build();
                case BatchResult.Resubmitted r -> Response.ok(BatchResponse.of(r.original())).header(REPLAY_HEADER, "true").build();
                case BatchResult.Refused r -> throw new RejectedException(r.rejection());
                case BatchResult.EpochUnknown u -> throw RejectedException.of(ErrorKind.NOT_READY, "epoch_unknown", "request",
                        "the ledger has not yet learnt the current epoch from selection-service; retry later");
            };
        };
    }

    /** A ledger/index disagreement is a real fault, not a refusal: a 500, logged, and nothing was recorded. */
    @ServerExceptionMapper
    public Response indexMismatch(LedgerWriter.IndexMismatchException e) {
        LOG.errorf("ticket ledger and SQL index disagree, batch refused: %s", e.getMessage());
        return ApiErrorMappers.response(500, new ApiError("index_mismatch", null,
                "the ledger state and its index disagree; nothing was recorded"));
    }

    private BatchRedemptions.SignedBatch parse(String body) {
        TicketBatchRequest req;
        try {
            req = REQUEST.readValue(body == null ? "" : body, TicketBatchRequest.class);
        } catch (JsonProcessingException e) {
            throw malformed(ApiErrorMappers.fieldOf(e), e.getOriginalMessage());
        }
        if (req == null) {
            throw malformed("body", "the body must be a JSON object");
        }
        GatewayIdentity gateway = gateway(required(req.gateway(), "gateway"));
        String key = required(req.idempotencyKey(), "idempotency_key");
        List<TicketBatchRequest.Ticket> raw = required(req.tickets(), "tickets");
        int max = redemptions.config().maxBatchSize();
        if (raw.size() > max) {
            throw RejectedException.of(ErrorKind.TOO_LARGE, "batch_too_large", "tickets", "batch has " + raw.size()
                    + " tickets, the maximum is " + max + " (ticket-ledger.max-batch-size)");
        }
        List<SubmittedTicket> tickets = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            TicketBatchRequest.Ticket t = required(raw.get(i), "tickets[" + i + "]");
            // Bounded before parsing: the refusal quotes the text back.
            String spendDate = BoundedInput.text("tickets[" + i + "].spend_date",
                    required(t.spendDate(), "tickets[" + i + "].spend_date"), MAX_DATE_TEXT);
            LocalDate date;
            try {
                date = LocalDate.parse(spendDate);
            } catch (DateTimeParseException e) {
                throw RejectedException.invalid("tickets[" + i + "].spend_date",
                        "'" + spendDate + "' is not a date YYYY-MM-DD");
            }
            // A malformed serial or an unknown type of a plausible length is that ticket's INVALID outcome; a longer
            // one refuses the batch before anything decodes or stores it.
            String serial = BoundedInput.text("tickets[" + i + "].serial", required(t.serial(), "tickets[" + i + "].serial"),
                    TicketSerial.MAX_TEXT_LENGTH);
            String type = BoundedInput.text("tickets[" + i + "].ticket_type",
                    required(t.ticketType(), "tickets[" + i + "].ticket_type"), TicketType.MAX_NAME_LENGTH);
            tickets.add(new SubmittedTicket(serial, type, date));
        }
        String submittedAtText = BoundedInput.text("submitted_at", required(req.submittedAt(), "submitted_at"),
                MAX_DATE_TEXT);
        Instant submittedAt;
        try {
            submittedAt = Instant.parse(submittedAtText);
        } catch (DateTimeParseException e) {
            throw RejectedException.invalid("submitted_at",
                    "'" + submittedAtText + "' is not an ISO-8601 UTC instant such as 2026-05-16T12:00:00Z");
        }
        if (submittedAt.isBefore(EARLIEST_SUBMISSION) || submittedAt.isAfter(LATEST_SUBMISSION)) {
            throw RejectedException.invalid("submitted_at", "'" + submittedAtText
                    + "' is outside the range of a signed batch (epoch milliseconds must fit a signed 64-bit integer)");
        }
        if (req.digest() != null) {
            base58(req.digest(), "digest", BatchDigest.DIGEST_BYTES);
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
        byte[] decoded = BoundedInput.base58(field, text, bytes);
        if (decoded.length != bytes) {
            throw RejectedException.of(ErrorKind.INVALID, "malformed_base58", field, field + " decodes to " + decoded.length
                    + " bytes, expected " + bytes);
        }
    }

    private static RejectedException malformed(String field, String reason) {
        return RejectedException.of(ErrorKind.INVALID, "malformed_json", field, reason);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw RejectedException.of(ErrorKind.INVALID, "missing_field", field, field + " is required");
        }
        return value;
    }
}
