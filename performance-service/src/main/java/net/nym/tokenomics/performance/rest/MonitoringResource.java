package net.nym.tokenomics.performance.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.nym.tokenomics.eventlog.api.BoundedInput;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.json.RequestJson;
import net.nym.tokenomics.eventlog.rest.ApiErrorMappers;
import net.nym.tokenomics.eventlog.signing.Ed25519;
import net.nym.tokenomics.performance.application.MonitorSubmissions;
import net.nym.tokenomics.performance.config.PerformanceServiceConfig;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * nym-api's monitor submission endpoints (B.7): {@code {results:[{node_id, identity, reliability}], signature, signer,
 * timestamp}}, signed with ed25519 over {@code json(results) ‖ timestamp_le_i64}. The body is read with a size cap
 * before it is parsed.
 */
@Path("/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringResource {

    public record ResultItem(Long nodeId, String identity, Integer reliability) { }

    public record SubmissionRequest(List<ResultItem> results, String signature, String signer, Long timestamp) { }

    /** An entry not counted, with its position in the submission and why (nym-api stores every entry; B.7). */
    public record Ignored(int index, long nodeId, String reason, String detail) { }

    public record SubmissionAccepted(int recorded, Instant receivedAt, List<Ignored> ignored) { }

    /** The longest Base58 of an ed25519 public key (44) and of a signature (88). */
    static final int MAX_KEY_TEXT = Base58.maxEncodedLength(Ed25519.KEY_BYTES);
    static final int MAX_SIGNATURE_TEXT = Base58.maxEncodedLength(Ed25519.SIGNATURE_BYTES);

    private final MonitorSubmissions submissions;
    private final int maxBodyBytes;

    public MonitoringResource(MonitorSubmissions submissions, PerformanceServiceConfig config) {
        this.submissions = submissions;
        this.maxBodyBytes = config.submission().maxBodyBytes();
    }

    @POST
    @Path("/submit-node-monitoring-results")
    @Consumes(MediaType.WILDCARD)
    public SubmissionAccepted submitNode(InputStream body) throws IOException {
        return submit(MonitorKind.NODE, body);
    }

    @POST
    @Path("/submit-gateway-monitoring-results")
    @Consumes(MediaType.WILDCARD)
    public SubmissionAccepted submitGateway(InputStream body) throws IOException {
        return submit(MonitorKind.GATEWAY, body);
    }

    private SubmissionAccepted submit(MonitorKind kind, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            throw RejectedException.of(ErrorKind.TOO_LARGE, "payload_too_large", "body",
                    "exceeds the limit of " + maxBodyBytes + " bytes");
        }
        if (bytes.length == 0) {
            throw RejectedException.of(ErrorKind.INVALID, "missing_body", "body", "is empty");
        }
        SubmissionRequest request;
        try {
            request = RequestJson.mapper().readValue(bytes, SubmissionRequest.class);
        } catch (JsonProcessingException e) {
            throw RejectedException.of(ErrorKind.INVALID, "malformed_json", ApiErrorMappers.fieldOf(e),
                    e.getOriginalMessage());
        }
        // Bounded by length before anything decodes them (Base58 decoding costs the square of the length).
        String signer = BoundedInput.text("signer", require(request.signer(), "signer"), MAX_KEY_TEXT);
        String signature = BoundedInput.text("signature", require(request.signature(), "signature"), MAX_SIGNATURE_TEXT);
        long timestamp = require(request.timestamp(), "timestamp");
        List<ResultItem> items = require(request.results(), "results");
        List<MonitorResult> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ResultItem item = require(items.get(i), "results[" + i + "]");
            results.add(new MonitorResult(require(item.nodeId(), "results[" + i + "].node_id"),
                    BoundedInput.text("results[" + i + "].identity", require(item.identity(), "results[" + i + "].identity"),
                            MAX_KEY_TEXT),
                    require(item.reliability(), "results[" + i + "].reliability")));
        }
        MonitorSubmissions.Accepted accepted = submissions.submit(kind, results, signer, signature, timestamp);
        return new SubmissionAccepted(accepted.results(), accepted.receivedAt(), accepted.ignored().stream()
                .map(i -> new Ignored(i.index(), i.nodeId(), i.reason().code(), i.detail())).toList());
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw RejectedException.of(ErrorKind.INVALID, "missing_field", field, "is required");
        }
        return value;
    }
}
