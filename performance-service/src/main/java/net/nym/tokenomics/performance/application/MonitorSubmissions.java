package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.eventlog.store.DuplicateEventException;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.performance.domain.monitoring.IgnoredResult;
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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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

    /** {@code results} entries recorded; {@code ignored} the entries that cannot be used, in submission order. */
    public record Accepted(int results, Instant receivedAt, List<IgnoredResult> ignored) { }

    public Accepted submit(MonitorKind kind, List<MonitorResult> results, String signer, String signature, long timestamp) {
        Instant receivedAt = clock.instant();
        byte[] signed = SignedMonitorPayload.bytes(results, timestamp);
        // The cheap check first: a signer off the allow-list is refused (UnknownSigner) without verifying anything.
        boolean signatureValid = allowedSigners.contains(signer) && verify(signed, signer, signature);
        byte[] signedDigest = digest(signer, signed);
        String digestHex = HexFormat.of().formatHex(signedDigest);
        // Read before deciding (only for a verified signature, so a forgery costs no query): a replay on this endpoint
        // is still the decider's duplicate_submission, one from the other endpoint is refused once the rest passes.
        boolean recordedElsewhere = signatureValid && app.recorded(chunkId(signedDigest, 0));
        Decision<Accepted> decision;
        try {
            decision = app.decide(PerformanceEvents.submissionStream(kind, signer), state -> {
                SubmitMonitoringResults command = new SubmitMonitoringResults(kind, results, signer, timestamp,
                        signatureValid, digestHex, receivedAt, state.bondedNodes(), allowedSigners,
                        app.config().submission().policy());
                return PerformanceApplication.then(MonitorSubmissionDecider.decide(command, state.submissions()),
                        events -> recordedElsewhere ? Decision.reject(replayed(signer, timestamp))
                                : Decision.accept(chunks(events.getFirst(), signedDigest), accepted(command, events.getFirst())));
            });
        } catch (DuplicateEventException replay) {
            // The same replay racing the read above: the log's unique event id refused the append, nothing was written.
            throw countRejected(replayed(signer, timestamp));
        }
        return switch (decision) {
            case Decision.Accepted<Accepted> a -> a.result();
            case Decision.Rejected<Accepted> r -> throw countRejected(r.rejection());
        };
    }

    private Accepted accepted(SubmitMonitoringResults command, MonitoringResultsRecorded event) {
        List<IgnoredResult> ignored = MonitorSubmissionDecider.sort(command).ignored();
        if (!ignored.isEmpty()) {
            LOG.debugf("monitor submission by %s at %d: %d entries recorded, %d ignored (first: %s)", command.signer(),
                    command.timestamp(), event.results().size(), ignored.size(), ignored.getFirst());
        }
        return new Accepted(event.results().size(), event.receivedAt(), ignored);
    }

    /**
     * Signed bytes already in the log though not in this state's replay keys: recorded on the other endpoint's stream
     * (they do not name the kind, nym-api's protocol, so the same bytes are one submission whichever endpoint they
     * reach, and count once), or by another instance not yet folded here.
     */
    private static Rejection replayed(String signer, long timestamp) {
        return Rejection.of(ErrorKind.CONFLICT, "replayed_submission", "signature",
                "these signed bytes (signer " + signer + ", timestamp " + timestamp
                        + ") were already accepted, on the other monitor endpoint or by another instance");
    }

    private RejectedException countRejected(Rejection rejection) {
        long n = rejected.incrementAndGet();
        if (Long.bitCount(n) == 1) {
            LOG.infof("monitor submissions: %d rejected so far; latest %s (%s: %s)", n, rejection.code(),
                    rejection.field(), rejection.reason());
        }
        return new RejectedException(rejection);
    }

    /**
     * The accepted submission as events of at most {@code results-per-event} results, appended together; at least one,
     * so a submission of only ignored entries is recorded too. Folding them gives the same measurements and the same
     * replay key as one event would.
     */
    private List<Decision.Pending> chunks(MonitoringResultsRecorded event, byte[] signedDigest) {
        int size = Math.max(1, app.config().submission().resultsPerEvent());
        List<MonitorResult> all = event.results();
        List<Decision.Pending> out = new ArrayList<>(all.size() / size + 1);
        int from = 0;
        do {
            MonitoringResultsRecorded part = new MonitoringResultsRecorded(event.kind(), event.signer(), event.timestamp(),
                    event.receivedAt(), all.subList(from, Math.min(all.size(), from + size)), event.signedDigest());
            out.add(app.pending(chunkId(signedDigest, from / size), part));
            from += size;
        } while (from < all.size());
        return out;
    }

    /**
     * SHA-256 over the signer and the signed bytes. The kind is left out on purpose: the same bytes sent to both
     * endpoints give the same event ids, and the event log's unique event id refuses the second append.
     */
    private static byte[] digest(String signer, byte[] signed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("nym-monitor-submission\0".getBytes(StandardCharsets.US_ASCII));
            sha.update(signer.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(signed);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event id of one chunk of an accepted submission: a name-based UUID of the digest and the chunk's index. */
    private static UUID chunkId(byte[] signedDigest, int chunk) {
        byte[] name = Arrays.copyOf(signedDigest, signedDigest.length + 4);
        ByteBuffer.wrap(name, signedDigest.length, 4).putInt(chunk);
        return UUID.nameUUIDFromBytes(name);
    }

    private static boolean verify(byte[] signed, String signer, String signature) {
        try {
            return Ed25519.verify(Base58.decode(signer, Ed25519.KEY_BYTES), signed,
                    Base58.decode(signature, Ed25519.SIGNATURE_BYTES));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
