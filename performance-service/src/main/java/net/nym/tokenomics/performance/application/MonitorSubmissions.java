package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.MonitorSubmissionDecider;
import net.nym.tokenomics.performance.domain.monitoring.MonitoringResultsRecorded;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
import net.nym.tokenomics.performance.domain.monitoring.SubmissionRejection;
import net.nym.tokenomics.performance.domain.monitoring.SubmitMonitoringResults;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.Ed25519;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Handles signed network-monitor submissions: verify, decide, append {@code MonitoringResultsRecorded}. */
@ApplicationScoped
public class MonitorSubmissions {

    private static final Logger LOG = Logger.getLogger(MonitorSubmissions.class);

    private final PerformanceApplication app;
    private final Clock clock;
    private final Set<String> allowedSigners;
    private final AtomicLong rejected = new AtomicLong();

    public MonitorSubmissions(PerformanceApplication app, Clock clock) {
        this.app = app;
        this.clock = clock;
        this.allowedSigners = new TreeSet<>(app.config().submission().allowedSigners().orElse(List.of()));
        if (allowedSigners.isEmpty()) {
            LOG.warn("performance.submission.allowed-signers is empty: every monitor submission will be refused");
        }
    }

    public record Accepted(int results, Instant receivedAt) { }

    public Accepted submit(MonitorKind kind, List<MonitorResult> results, String signer, String signature, long timestamp) {
        Instant receivedAt = clock.instant();
        boolean signatureValid = verify(results, signer, signature, timestamp);
        try {
            app.execute(state -> {
                SubmitMonitoringResults command = new SubmitMonitoringResults(kind, results, signer, timestamp,
                        signatureValid, receivedAt, state.bondedNodes(), allowedSigners, app.config().submission().policy());
                return switch (MonitorSubmissionDecider.decide(command, state.submissions())) {
                    case Decision.Rejected<MonitoringResultsRecorded, SubmissionRejection> r -> throw rejection(r.rejection());
                    case Decision.Accepted<MonitoringResultsRecorded, SubmissionRejection> a -> {
                        MonitoringResultsRecorded event = a.events().getFirst();
                        String stream = PerformanceEvents.submissionStream(event);
                        yield new PerformanceApplication.Planned(stream, state.streamVersion(stream), chunks(event));
                    }
                };
            });
        } catch (CommandRejected e) {
            long n = rejected.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.infof("monitor submissions: %d rejected so far; latest %s (%s)", n, e.code(), e.getMessage());
            }
            throw e;
        }
        return new Accepted(results.size(), receivedAt);
    }

    /**
     * The accepted submission as events of at most {@code results-per-event} results, appended together. Folding them
     * gives the same measurements and the same replay key as one event would.
     */
    private List<NewEvent> chunks(MonitoringResultsRecorded event) {
        int size = Math.max(1, app.config().submission().resultsPerEvent());
        List<MonitorResult> all = event.results();
        List<NewEvent> out = new ArrayList<>(all.size() / size + 1);
        for (int from = 0; from < all.size(); from += size) {
            MonitoringResultsRecorded part = new MonitoringResultsRecorded(event.kind(), event.signer(), event.timestamp(),
                    event.receivedAt(), all.subList(from, Math.min(all.size(), from + size)));
            out.add(app.codec().encode(UUID.randomUUID(), part));
        }
        return out;
    }

    private static boolean verify(List<MonitorResult> results, String signer, String signature, long timestamp) {
        try {
            return Ed25519.verify(Base58.decode(signer), SignedMonitorPayload.bytes(results, timestamp),
                    Base58.decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static CommandRejected rejection(SubmissionRejection r) {
        return switch (r) {
            case SubmissionRejection.UnknownSigner x -> new CommandRejected(CommandRejected.Kind.FORBIDDEN, "unknown_signer", x.message());
            case SubmissionRejection.InvalidSignature x -> new CommandRejected(CommandRejected.Kind.INVALID, "invalid_signature", x.message());
            case SubmissionRejection.StaleTimestamp x -> new CommandRejected(CommandRejected.Kind.INVALID, "stale_timestamp", x.message());
            case SubmissionRejection.FutureTimestamp x -> new CommandRejected(CommandRejected.Kind.INVALID, "future_timestamp", x.message());
            case SubmissionRejection.EmptyResults x -> new CommandRejected(CommandRejected.Kind.INVALID, "empty_results", x.message());
            case SubmissionRejection.TooManyResults x -> new CommandRejected(CommandRejected.Kind.TOO_LARGE, "too_many_results", x.message());
            case SubmissionRejection.ReliabilityOutOfRange x -> new CommandRejected(CommandRejected.Kind.INVALID, "reliability_out_of_range", x.message());
            case SubmissionRejection.DuplicateNodeId x -> new CommandRejected(CommandRejected.Kind.INVALID, "duplicate_node_id", x.message());
            case SubmissionRejection.UnknownNode x -> new CommandRejected(CommandRejected.Kind.INVALID, "unknown_node", x.message());
            case SubmissionRejection.IdentityMismatch x -> new CommandRejected(CommandRejected.Kind.INVALID, "identity_mismatch", x.message());
            case SubmissionRejection.DuplicateSubmission x -> new CommandRejected(CommandRejected.Kind.CONFLICT, "duplicate_submission", x.message());
        };
    }
}
