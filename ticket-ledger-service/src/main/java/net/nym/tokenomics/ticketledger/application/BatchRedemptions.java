package net.nym.tokenomics.ticketledger.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import org.jboss.logging.Logger;
import net.nym.tokenomics.ticketledger.config.LedgerSettings;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.ParsedTickets;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.signing.GatewaySignatures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The redemption use case: a gateway's signed batch, checked in the order cheapest-refusal-first that still protects
 * other gateways — signature over {@link BatchSigningPayload} with the claimed gateway's identity key (so a gateway can
 * only redeem for itself), then that gateway's rate limit, then the ledger's judgement.
 */
@ApplicationScoped
public class BatchRedemptions {

    /** A signed batch as the REST layer parsed it (field syntax already checked). */
    public record SignedBatch(GatewayIdentity gateway, String idempotencyKey, List<SubmittedTicket> tickets,
                              Optional<String> digest, Instant submittedAt, String signature) {
    }

    private static final Logger LOG = Logger.getLogger(BatchRedemptions.class);

    public sealed interface Outcome {
        record Done(LedgerWriter.BatchResult result) implements Outcome { }

        record BadSignature() implements Outcome { }

        record RateLimited(Duration retryAfter) implements Outcome { }
    }

    private final GroupCommit writer;
    private final GatewayRateLimiter limiter;
    private final Clock clock;
    private final LedgerConfig config;
    private final MeterRegistry meters;
    private final Timer judged;

    public BatchRedemptions(GroupCommit writer, GatewayRateLimiter limiter, Clock clock, LedgerSettings settings,
                            MeterRegistry meters) {
        this.writer = writer;
        this.limiter = limiter;
        this.clock = clock;
        this.config = settings.ledgerConfig();
        this.meters = meters;
        this.judged = Timer.builder("ticket_ledger_batch_transaction")
                .description("a batch's wait for the writer plus its group's transaction")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    public LedgerConfig config() {
        return config;
    }

    public Outcome redeem(SignedBatch batch) {
        Outcome outcome = check(batch);
        String result = switch (outcome) {
            case Outcome.BadSignature b -> "bad_signature";
            case Outcome.RateLimited r -> "rate_limited";
            case Outcome.Done d -> switch (d.result()) {
                case LedgerWriter.BatchResult.Judged j -> {
                    count(j.event());
                    yield "judged";
                }
                case LedgerWriter.BatchResult.Resubmitted r -> "resubmitted";
                case LedgerWriter.BatchResult.Refused r -> "refused";
                case LedgerWriter.BatchResult.EpochUnknown u -> "epoch_unknown";
            };
        };
        meters.counter("ticket_ledger_batches", "result", result).increment();
        return outcome;
    }

    private void count(LedgerEvent.TicketBatchRedeemed e) {
        meters.counter("ticket_ledger_tickets", "outcome", "accepted").increment(e.counts().accepted());
        meters.counter("ticket_ledger_tickets", "outcome", "replayed").increment(e.counts().replayed());
        meters.counter("ticket_ledger_tickets", "outcome", "double_spend").increment(e.counts().doubleSpends());
        meters.counter("ticket_ledger_tickets", "outcome", "invalid").increment(e.counts().invalid());
        if (e.counts().doubleSpends() > 0) {
            LOG.infof("batch %s of gateway node %d: %d double spends rejected (of %d tickets)", e.batchId(),
                    e.gatewayNodeId(), e.counts().doubleSpends(), e.counts().submitted());
        }
    }

    /**
     * Everything that does not need the ledger state runs here, on the request thread and in parallel with other
     * requests: the tickets digest, the signature, the rate limit, and parsing every serial. The writer then only
     * judges and stores.
     */
    private Outcome check(SignedBatch batch) {
        byte[] ticketsDigest = BatchSigningPayload.ticketsDigest(batch.tickets());
        byte[] payload = BatchSigningPayload.bytes(batch.gateway(), batch.idempotencyKey(), batch.submittedAt(), ticketsDigest);
        if (!GatewaySignatures.verify(batch.gateway(), payload, batch.signature())) {
            return new Outcome.BadSignature();
        }
        Optional<Duration> wait = limiter.acquire(batch.gateway());
        if (wait.isPresent()) {
            return new Outcome.RateLimited(wait.get());
        }
        ParsedTickets parsed = ParsedTickets.of(batch.tickets(), ticketsDigest);
        return new Outcome.Done(judged.record(() -> writer.redeem(
                currentEpoch -> new LedgerCommand.RedeemTicketBatch(batch.gateway(), batch.idempotencyKey(),
                        batch.tickets(), batch.digest(), batch.submittedAt(), clock.instant(), currentEpoch, config,
                        parsed))));
    }
}
