package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.MonitorSubmissionDecider;
import net.nym.tokenomics.performance.domain.monitoring.MonitoringResultsRecorded;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
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

/**
 * Handles signed network-monitor submissions: verify, decide, append {@code MonitoringResultsRecorded} to the
 * signer's stream; a refusal is thrown as the domain's {@code SubmissionRejection}.
 */
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
        Decision<Accepted> decision = app.decide(PerformanceEvents.submissionStream(kind, signer), state -> {
            SubmitMonitoringResults command = new SubmitMonitoringResults(kind, results, signer, timestamp,
                    signatureValid, receivedAt, state.bondedNodes(), allowedSigners, app.config().submission().policy());
            return PerformanceApplication.then(MonitorSubmissionDecider.decide(command, state.submissions()),
                    events -> Decision.accept(chunks(events.getFirst()), new Accepted(results.size(), receivedAt)));
        });
        return switch (decision) {
            case Decision.Accepted<Accepted> a -> a.result();
            case Decision.Rejected<Accepted> r -> {
                long n = rejected.incrementAndGet();
                if (Long.bitCount(n) == 1) {
                    LOG.infof("monitor submissions: %d rejected so far; latest %s (%s: %s)", n, r.rejection().code(),
                            r.rejection().field(), r.rejection().reason());
                }
                throw new RejectedException(r.rejection());
            }
        };
    }

    /**
     * The accepted submission as events of at most {@code results-per-event} results, appended together. Folding them
     * gives the same measurements and the same replay key as one event would.
     */
    private List<Decision.Pending> chunks(MonitoringResultsRecorded event) {
        int size = Math.max(1, app.config().submission().resultsPerEvent());
        List<MonitorResult> all = event.results();
        List<Decision.Pending> out = new ArrayList<>(all.size() / size + 1);
        for (int from = 0; from < all.size(); from += size) {
            MonitoringResultsRecorded part = new MonitoringResultsRecorded(event.kind(), event.signer(), event.timestamp(),
                    event.receivedAt(), all.subList(from, Math.min(all.size(), from + size)));
            out.add(app.pending(UUID.randomUUID(), part));
        }
        return out;
    }

    private static boolean verify(List<MonitorResult> results, String signer, String signature, long timestamp) {
        try {
            return Ed25519.verify(Base58.decode(signer, Ed25519.KEY_BYTES), SignedMonitorPayload.bytes(results, timestamp),
                    Base58.decode(signature, Ed25519.SIGNATURE_BYTES));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
