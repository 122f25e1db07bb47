package net.nym.tokenomics.ticketledger.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.ticketledger.domain.ledger.Decision;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.Rejection;
import net.nym.tokenomics.ticketledger.domain.ledger.SpentTicket;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.persistence.EpochClock;
import net.nym.tokenomics.ticketledger.persistence.LedgerEventCodec;
import net.nym.tokenomics.ticketledger.persistence.LedgerLog;
import net.nym.tokenomics.ticketledger.persistence.SerialIndex;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The ledger's command handlers: lock the writer, catch up, decide, write the effects, append, commit — one
 * transaction per group of batches ({@link #redeemGroup}, fed by {@link GroupCommit}) and per other command. See
 * {@link LedgerLog} for why writers serialise and what guards stand behind the lock.
 */
@ApplicationScoped
public class LedgerWriter {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final DataSource dataSource;
    private final LedgerLog log;
    private final LedgerView view;
    private final SerialIndex index;
    private final EpochClock epochClock;
    private final Clock clock;
    private final Timer lockHeld;

    public LedgerWriter(DataSource dataSource, LedgerLog log, LedgerView view, SerialIndex index, EpochClock epochClock,
                        Clock clock, MeterRegistry meters) {
        this.lockHeld = Timer.builder("ticket_ledger_writer_lock_held")
                .description("time a group of batches (or another command) holds the writer lock, until its commit starts")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.dataSource = dataSource;
        this.log = log;
        this.view = view;
        this.index = index;
        this.epochClock = epochClock;
        this.clock = clock;
    }

    /** What a batch came to: a new judgement, the original one for a resubmission, or a refusal. */
    public sealed interface BatchResult {
        record Judged(LedgerEvent.TicketBatchRedeemed event) implements BatchResult { }

        record Resubmitted(LedgerEvent.TicketBatchRedeemed original) implements BatchResult { }

        record Refused(Rejection rejection) implements BatchResult { }

        /** No EpochStarted/EpochEnded seen and no epoch closed in the log: the ledger cannot say which epoch a ticket counts in. */
        record EpochUnknown() implements BatchResult { }
    }

    /** Thrown when the SQL index and the folded state disagree: nothing is written, the request fails (500). */
    public static final class IndexMismatchException extends IllegalStateException {
        IndexMismatchException(String message) {
            super(message);
        }
    }

    /** What an expiry transaction stored: its result, and the stored events appended after {@code expectedVersion}. */
    private record Written<T>(T result, long expectedVersion, List<StoredEvent> stored) { }

    /** What a group transaction stored: a result per batch, and the batch events appended after {@code expectedVersion}. */
    private record GroupWritten(List<BatchResult> results, long expectedVersion,
                                List<LedgerEvent.TicketBatchRedeemed> appended) { }

    /**
     * Judges a group of batches whose signatures the callers verified, in order, in ONE transaction: lock the writer,
     * catch up, read the epoch clock once, decide every batch against the state as the earlier ones of the group left
     * it ({@link TicketLedger#decideRedemptions}, which does not touch the state), insert all accepted serials in one
     * statement, check the replayed and double-spent ones are indexed, append all batch events in one statement,
     * commit. Only then are the events evolved into the in-memory state. Each command builds its batch from the epoch
     * clock and the time taken under the lock.
     *
     * <p>Returns one result per command, in order. A refused batch or a resubmission only shapes its own result. If
     * anything throws, the transaction rolls back: nothing of the group is stored, the state is unchanged, and the
     * exception propagates for the caller to fail or retry the batches ({@link GroupCommit}).
     */
    public List<BatchResult> redeemGroup(List<LongFunction<LedgerCommand.RedeemTicketBatch>> commands) {
        GroupWritten written = Transactions.inTransaction(dataSource, c -> {
            log.lockWriter(c);
            long locked = System.nanoTime();
            try {
                return judgeGroup(c, commands);
            } finally {
                lockHeld.record(System.nanoTime() - locked, TimeUnit.NANOSECONDS);
            }
        });
        if (!written.appended().isEmpty()) {
            view.committedEvents(written.expectedVersion(), written.appended());
        }
        return written.results();
    }

    private GroupWritten judgeGroup(Connection c, List<LongFunction<LedgerCommand.RedeemTicketBatch>> commands)
            throws SQLException {
        view.catchUp(c);
        long expected = view.version();
        OptionalLong clock = epochClock.current(c);
        // The clock table is consumer state, not in the log: after a rebuild from Kafka it stays empty until the
        // consumer has re-read selection's topic. The log's own closings already say which epoch is open (the decider
        // counts a ticket in max(clock, last closed + 1) anyway), so only a ledger that knows neither refuses.
        OptionalLong current = clock.isPresent() ? clock : view.read(LedgerState::openEpoch);
        List<BatchResult> results = new ArrayList<>(commands.size());
        if (current.isEmpty()) {
            for (int i = 0; i < commands.size(); i++) {
                results.add(new BatchResult.EpochUnknown());
            }
            return new GroupWritten(results, expected, List.of());
        }
        List<LedgerCommand.RedeemTicketBatch> cmds = new ArrayList<>(commands.size());
        for (LongFunction<LedgerCommand.RedeemTicketBatch> command : commands) {
            cmds.add(command.apply(current.getAsLong()));
        }
        List<Decision> decisions = view.read(state -> TicketLedger.decideRedemptions(cmds, state));
        List<LedgerEvent.TicketBatchRedeemed> batches = new ArrayList<>();
        for (Decision decision : decisions) {
            results.add(switch (decision) {
                case Decision.Rejected r -> new BatchResult.Refused(r.rejection());
                case Decision.AlreadyProcessed p -> new BatchResult.Resubmitted(p.original());
                case Decision.Events e -> {
                    LedgerEvent.TicketBatchRedeemed batch = (LedgerEvent.TicketBatchRedeemed) e.events().getFirst();
                    batches.add(batch);
                    yield new BatchResult.Judged(batch);
                }
            });
        }
        if (batches.isEmpty()) {
            return new GroupWritten(results, expected, List.of());
        }
        checkAndIndex(c, batches, expected);
        List<NewEvent> events = new ArrayList<>(batches.size());
        for (LedgerEvent.TicketBatchRedeemed batch : batches) {
            events.add(LedgerEventCodec.encode(batchEventId(batch), batch));
        }
        log.appendWithoutEcho(c, expected, events);
        return new GroupWritten(results, expected, batches);
    }

    /**
     * Makes {@code redeemed_serial} follow the group and proves the decisions agree with it, for every serial whose
     * outcome the index decided: each accepted serial must be new to the table (the insert counts them), each replayed
     * or double-spent one must be in it. Invalid tickets never reached the index. Any disagreement rolls back the group.
     */
    private void checkAndIndex(Connection c, List<LedgerEvent.TicketBatchRedeemed> batches, long expected)
            throws SQLException {
        int accepted = 0;
        Set<String> known = new HashSet<>();
        for (LedgerEvent.TicketBatchRedeemed batch : batches) {
            accepted += batch.counts().accepted();
            if (batch.counts().replayed() + batch.counts().doubleSpends() > 0) {
                for (TicketOutcome o : batch.outcomes()) {
                    switch (o) {
                        case TicketOutcome.Replayed r -> known.add(r.serial().base58());
                        case TicketOutcome.DoubleSpend d -> known.add(d.serial().base58());
                        default -> { }
                    }
                }
            }
        }
        int inserted = index.insertAccepted(c, batches);
        if (inserted != accepted) {
            throw new IndexMismatchException(describe(batches) + " accepted " + accepted + " serials at ledger version "
                    + expected + " but only " + inserted + " were new to redeemed_serial");
        }
        int indexed = index.countIndexed(c, known);
        if (indexed != known.size()) {
            throw new IndexMismatchException(describe(batches) + " found " + known.size() + " serials redeemed in the "
                    + "ledger state at version " + expected + " but only " + indexed + " are in redeemed_serial");
        }
    }

    private static String describe(List<LedgerEvent.TicketBatchRedeemed> batches) {
        return batches.size() == 1 ? "batch " + batches.getFirst().batchId()
                : "a group of " + batches.size() + " batches (" + batches.getFirst().batchId() + ", ...)";
    }

    /**
     * At start-up, before any batch is taken: {@code redeemed_serial} must hold as many serials as the fold's index.
     * It does not after the log was imported from Kafka into an empty database (the table is derived, not imported),
     * or if rows were lost or added by hand; then it is rebuilt from the log ({@link #rebuildFromLog}) instead of
     * refusing every batch until an admin notices. Returns what the rebuild did, if one was needed.
     */
    public java.util.Optional<Rebuilt> rebuildIndexIfBehindLog() {
        int[] counts = Transactions.inTransaction(dataSource, c -> {
            view.catchUp(c);
            return new int[] {index.count(c), view.read(s -> s.indexedSerials())};
        });
        if (counts[0] == counts[1]) {
            return java.util.Optional.empty();
        }
        LOG.warnf("redeemed_serial holds %d serials but the log's fold indexes %d (e.g. after a rebuild from Kafka): "
                + "rebuilding it from the log", counts[0], counts[1]);
        return java.util.Optional.of(rebuildFromLog());
    }

    /** What {@link #rebuildFromLog} did. */
    public record Rebuilt(long logVersion, String stateDigestBefore, String stateDigest, int rowsBefore,
                          int rowsWritten, String indexDigest) { }

    /**
     * Rebuilds everything this service derives from its log, under the writer lock in one transaction: a fresh fold
     * of the whole ledger stream replaces the in-memory state (usage, double-spend index, idempotency, digests), and
     * {@code redeemed_serial} is rewritten to hold exactly that fold's double-spend index. Batches wait meanwhile.
     */
    public Rebuilt rebuildFromLog() {
        return Transactions.inTransaction(dataSource, c -> {
            log.lockWriter(c);
            view.catchUp(c);
            String before = view.read(s -> StateDigest.of(s.canonicalView()));
            int rowsBefore = index.digest(c).rows();
            long version = view.refold(c);
            java.util.SortedMap<TicketSerial, SpentTicket> spent = view.read(s -> s.canonicalView().spent());
            String after = view.read(s -> StateDigest.of(s.canonicalView()));
            int written = index.replaceAll(c, spent);
            SerialIndex.IndexDigest digest = index.digest(c);
            LOG.infof("ticket ledger rebuilt from the log at version %d: state digest %s (was %s), redeemed_serial "
                    + "%d rows (was %d), index digest %s", version, after, before, written, rowsBefore, digest.sha256());
            return new Rebuilt(version, before, after, rowsBefore, written, digest.sha256());
        });
    }

    /**
     * On EpochEnded(epoch), inside the consumer's transaction (with its inbox record): closes every open epoch up to
     * {@code epoch}, each as the domain fact plus the {@code EpochUsageClosed} integration record, caused by the input.
     * Returns the closed epochs (none for a redelivery of an epoch already closed).
     */
    public List<Long> closeEpochsThrough(Connection c, long epoch, String consumer, UUID inputEventId) throws SQLException {
        log.lockWriter(c);
        view.catchUp(c);
        long expected = view.version();
        Instant now = clock.instant();
        Decision decision = view.read(state -> TicketLedger.decide(new LedgerCommand.CloseEpochsThrough(epoch, now), state));
        if (!(decision instanceof Decision.Events events)) {
            LOG.debugf("EpochEnded(%d): %s", epoch, decision);
            return List.of();
        }
        int indexed = view.read(s -> s.indexedSerials());
        String digest = view.lastCloseDigest();
        List<NewEvent> out = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        for (LedgerEvent event : events.events()) {
            LedgerEvent.EpochUsageClosed close = (LedgerEvent.EpochUsageClosed) event;
            digest = CloseDigests.next(digest, close, indexed);
            List<IntegrationEvents.GatewayUsage> gateways = new ArrayList<>();
            for (GatewayEpochUsage g : close.gateways()) {
                gateways.add(new IntegrationEvents.GatewayUsage(g.gatewayNodeId(), g.tickets(), g.bytes(), g.value()));
            }
            IntegrationEvents.EpochUsageClosed contract = new IntegrationEvents.EpochUsageClosed(close.epoch(), gateways,
                    close.totalTickets(), close.feeIncome(), digest);
            out.add(LedgerEventCodec.encode(derivedId(inputEventId, "ledger-close-" + close.epoch()), close)
                    .causedBy(consumer, inputEventId));
            out.add(LedgerEventCodec.encodeIntegration(derivedId(inputEventId, "usage-closed-" + close.epoch()), contract)
                    .causedBy(consumer, inputEventId));
            closed.add(close.epoch());
            LOG.infof("epoch %d usage closed: %d gateways, %d tickets, %d bytes, fee income %s uNYM", close.epoch(),
                    gateways.size(), close.totalTickets(), close.totalBytes(), close.feeIncome());
        }
        log.append(c, expected, out);
        return closed;
    }

    /** A registry fact from rewards-service, inside the consumer's transaction. */
    public void recordGateway(Connection c, LedgerCommand.RecordGateway cmd, String consumer, UUID inputEventId)
            throws SQLException {
        log.lockWriter(c);
        view.catchUp(c);
        long expected = view.version();
        Decision decision = view.read(state -> TicketLedger.decide(cmd, state));
        switch (decision) {
            case Decision.Events e when !e.events().isEmpty() -> {
                List<NewEvent> out = new ArrayList<>();
                for (int i = 0; i < e.events().size(); i++) {
                    out.add(LedgerEventCodec.encode(derivedId(inputEventId, "gateway-" + i), e.events().get(i))
                            .causedBy(consumer, inputEventId));
                }
                log.append(c, expected, out);
                LOG.infof("gateway node %d: identity %s, bonded=%s", cmd.nodeId(), cmd.identity(), cmd.bonded());
            }
            case Decision.Rejected r -> LOG.warnf("registry fact for node %d ignored: %s", cmd.nodeId(), r.rejection().message());
            default -> { }
        }
    }

    /** Which node holds this identity now, as far as this instance has folded (for NodeUnbonded). */
    public Optional<net.nym.tokenomics.ticketledger.domain.ledger.GatewayRegistration> gateway(Connection c, long nodeId)
            throws SQLException {
        view.catchUp(c);
        return view.read(s -> s.gateway(nodeId));
    }

    /** The cleaner: forgets serials past retention in the log and in the SQL index, in one transaction. */
    public Optional<LedgerEvent.SerialsExpired> expire(LedgerConfig config) {
        Written<Optional<LedgerEvent.SerialsExpired>> written = Transactions.inTransaction(dataSource, c -> {
            log.lockWriter(c);
            view.catchUp(c);
            long expected = view.version();
            Instant now = clock.instant();
            LedgerCommand.ExpireSerials cmd = new LedgerCommand.ExpireSerials(LocalDate.ofInstant(now, ZoneOffset.UTC), now, config);
            Decision decision = view.read(state -> TicketLedger.decide(cmd, state));
            if (!(decision instanceof Decision.Events events) || events.events().isEmpty()) {
                return new Written<>(Optional.<LedgerEvent.SerialsExpired>empty(), expected, List.of());
            }
            LedgerEvent.SerialsExpired expired = (LedgerEvent.SerialsExpired) events.events().getFirst();
            int deleted = index.delete(c, expired.serialsRemoved());
            if (deleted != expired.count()) {
                throw new IndexMismatchException("expiry forgets " + expired.count() + " serials but " + deleted
                        + " rows were in redeemed_serial");
            }
            List<StoredEvent> stored = log.append(c, expected,
                    List.of(LedgerEventCodec.encode(UUID.randomUUID(), expired)));
            return new Written<>(Optional.of(expired), expected, stored);
        });
        if (!written.stored().isEmpty()) {
            view.committed(written.expectedVersion(), written.stored());
        }
        return written.result();
    }

    /** Name-based from (gateway, key, recorded time): reproducible, and distinct if a key is reused after expiry. */
    private static UUID batchEventId(LedgerEvent.TicketBatchRedeemed batch) {
        return UUID.nameUUIDFromBytes(("ticket-batch\n" + batch.gateway().base58() + "\n" + batch.batchId() + "\n"
                + batch.recordedAt()).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID derivedId(UUID input, String what) {
        return UUID.nameUUIDFromBytes((input + "\n" + what).getBytes(StandardCharsets.UTF_8));
    }
}
