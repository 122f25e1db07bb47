package net.nym.tokenomics.performance.domain.monitoring;

import net.nym.tokenomics.performance.domain.BondedNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Command: record a network monitor's signed results. {@code timestamp} is the monitor's unix time in seconds
 * (signed, as nym-api's i64); {@code signatureValid} is the caller's ed25519 verification of
 * {@link SignedMonitorPayload#bytes} under {@code signer}; {@code receivedAt} is this service's clock.
 * {@code signedDigest} names those bytes and the signer (hex SHA-256, computed by the caller), the replay key.
 * {@code bondedNodes} (node id → bonded node) and {@code allowedSigners} are lookup views, never iterated.
 */
public record SubmitMonitoringResults(MonitorKind kind, List<MonitorResult> results, String signer, long timestamp,
                                      boolean signatureValid, String signedDigest, Instant receivedAt,
                                      Map<Long, BondedNode> bondedNodes, Set<String> allowedSigners,
                                      SubmissionPolicy policy) {
    public SubmitMonitoringResults {
        Objects.requireNonNull(kind, "kind");
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signedDigest, "signedDigest");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(bondedNodes, "bondedNodes");
        Objects.requireNonNull(allowedSigners, "allowedSigners");
        Objects.requireNonNull(policy, "policy");
    }
}
