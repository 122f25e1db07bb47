package net.nym.tokenomics.ticketledger.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.command.CommandHandler;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.ticketledger.application.LedgerView.Current;
import net.nym.tokenomics.ticketledger.domain.ledger.Decision.AlreadyProcessed;
import net.nym.tokenomics.ticketledger.domain.ledger.Decision.Events;
import net.nym.tokenomics.ticketledger.domain.ledger.Decision.Rejected;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.Rejection;
import net.nym.tokenomics.ticketledger.domain.ledger.SpentTicket;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketOutcome;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.persistence.LedgerEventCodec;
import net.nym.tokenomics.ticketledger.persistence.TicketUsageProjection;
import net.nym.tokenomics.eventlog.projection.ProjectionRunner;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;

import static net.nym.tokenomics.ticketledger.application.LedgerView.STREAM;

/**
 * The ledger's commands, each a decider run by the view's {@link CommandHandler} (single writer: lock, catch up,
 * decide, write the effects, append, evolve): one transaction per group of batches ({@link #redeemGroup}, fed by
 * {@link GroupCommit}) and per other command. Serial-index writes are the decisions' effects, so they commit or roll
 * back with the events. {@code Decision} is the handler's; {@code Events}, {@code AlreadyProcessed} and
 * {@code Rejected} are the domain decider's answers.
 */
@ApplicationScoped
public class LedgerWriter {

    private static final Logger LOG = Logger.getLogger(LedgerWriter.class);

    private final DataSource dataSource;
    private final LedgerView view;
    private final CommandHandler<Current> commands;
    private final SerialIndex index;
    private final Clock clock;
    private final Timer lockHeld;

    public LedgerWriter(DataSource dataSource, LedgerView view, SerialIndex index, Clock clock, MeterRegistry meters) {
        this.lockHeld = Timer.builder("ticket_ledger_writer_lock_held")
                .description("a group of batches' (or another command's) writer transaction, from taking the writer lock to its commit")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.dataSource = dataSource;
        this.view = view;
        this.commands = view.commands();
        this.index = index;
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

    /**
     * Judges a group of batches whose signatures the callers verified, in order, in ONE transaction: lock the writer,
     * catch up, read the epoch clock once, decide every batch against the state as the earlier ones of the group left
     * it ({@link TicketLedger#decideRedemptions}, which does not touch the state), insert all accepted serials in one
     * statement, check the replayed and double-spent ones are indexed, append all batch events in one statement,
     * commit. Only then are the events evolved into the in-memory state. Each command builds its batch from the epoch
     * clock and the time taken under the lock.
     *
     * <p>Returns one result per command, in order. A refused batch or a resubmission only shapes its own result. If
     * anything throws, the transaction rolls back: nothing of the group is stored, and the exception propagates for
     * the caller to fail or retry the batches ({@link GroupCommit}).
     */
    public List<BatchResult> redeemGroup(List<LongFunction<LedgerCommand.RedeemTicketBatch>> group) {
        List<Object> judged;
        long started = System.nanoTime();
        try {
            judged = commands.execute(STREAM, current -> judgeGroup(current, group));
        } finally {
            lockHeld.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        // outside the timer: resubmissions are read from the log after the commit, without the writer lock
        return resolveResubmissions(judged);
    }

    /**
     * Turns each resubmission into its original's answer: the batch judged earlier in the same group, or else its event
     * read from the log by its id (the state remembers only the key, fingerprint and instant of a batch, finding 3 of
     * issue 14; the event id is a function of gateway, key and instant). After the commit, outside the writer lock.
     */
    private List<BatchResult> resolveResubmissions(List<Object> judged) {
        List<BatchResult> results = new ArrayList<>(judged.size());
        for (Object j : judged) {
            if (!(j instanceof AlreadyProcessed p)) {
                results.add((BatchResult) j);
                continue;
            }
            LedgerEvent.TicketBatchRedeemed original = null;
            for (Object other : judged) {
                if (other instanceof BatchResult.Judged g && g.event().gateway().equals(p.original().gateway())
                        && g.event().batchId().equals(p.original().key()) && g.event().recordedAt().equals(p.recordedAt())) {
                    original = g.event();
                }
            }
            if (original == null) {
                UUID id = batchEventId(p.original().gateway(), p.original().key(), p.recordedAt());
                StoredEvent stored = Transactions.inTransaction(dataSource, c -> new EventStore().byId(c, id))
                        .orElseThrow(() -> new IllegalStateException("the ledger remembers batch " + p.original().key()
                                + " of " + p.original().gateway().base58() + " but the log has no event " + id));
                original = (LedgerEvent.TicketBatchRedeemed) LedgerEventCodec.decode(stored);
            }
            results.add(new BatchResult.Resubmitted(original));
        }
        return results;
    }

    private Decision<List<Object>> judgeGroup(Current current, List<LongFunction<LedgerCommand.RedeemTicketBatch>> group) {
        // The clock table is consumer state, not in the log: after a rebuild from Kafka it stays empty until the
        // consumer has re-read selection's topic. The log's own closings already say which epoch is open (the decider
        // counts a ticket in max(clock, last closed + 1) anyway), so only a ledger that knows neither refuses.
        OptionalLong epoch = current.epochClock().isPresent() ? current.epochClock() : current.ledger().openEpoch();
        if (epoch.isEmpty()) {
            return Decision.none(Collections.nCopies(group.size(), (Object) new BatchResult.EpochUnknown()));
        }
        List<LedgerCommand.RedeemTicketBatch> cmds = new ArrayList<>(group.size());
        for (LongFunction<LedgerCommand.RedeemTicketBatch> command : group) {
            cmds.add(command.apply(epoch.getAsLong()));
        }
        List<Object> results = new ArrayList<>(group.size());
        List<LedgerEvent.TicketBatchRedeemed> batches = new ArrayList<>();
        for (var decision : TicketLedger.decideRedemptions(cmds, current.ledger())) {
            results.add(switch (decision) {
                case Rejected r -> new BatchResult.Refused(r.rejection());
                case AlreadyProcessed p -> p;
                case Events e -> {
                    LedgerEvent.TicketBatchRedeemed batch = (LedgerEvent.TicketBatchRedeemed) e.events().getFirst();
                    batches.add(batch);
                    yield new BatchResult.Judged(batch);
                }
            });
        }
        if (batches.isEmpty()) {
            return Decision.none(results);
        }
        List<Decision.Pending> events = new ArrayList<>(batches.size());
        for (LedgerEvent.TicketBatchRedeemed batch : batches) {
            events.add(new Decision.Pending(LedgerEventCodec.encode(batchEventId(batch), batch), batch));
        }
        return Decision.accept(events, c -> checkAndIndex(c, batches, current.version()), results);
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
    public Optional<Rebuilt> rebuildIndexIfBehindLog() {
        int[] counts = Transactions.inTransaction(dataSource, c -> {
            commands.catchUp(c, STREAM);
            return new int[] {index.count(c), view.read(s -> s.indexedSerials())};
        });
        if (counts[0] == counts[1]) {
            return Optional.empty();
        }
        LOG.warnf("redeemed_serial holds %d serials but the log's fold indexes %d (e.g. after a rebuild from Kafka): "
                + "rebuilding it from the log", counts[0], counts[1]);
        return Optional.of(rebuildFromLog());
    }

    /** Drops the closed epochs' usage rows and writes them again from the whole log, in one transaction (ADR 0012). */
    public long rebuildUsage() {
        return new ProjectionRunner(dataSource).rebuild(new TicketUsageProjection());
    }

    /**
     * The usage read model is written with each close; a log imported from Kafka (or restored without the tables) has
     * closes but no rows. At start-up: when the last closed epoch has no row, rebuild the read model from the log.
     */
    public boolean rebuildUsageIfBehindLog() {
        OptionalLong last = view.read(LedgerState::lastClosedEpoch);
        if (last.isEmpty() || Transactions.inTransaction(dataSource, c -> TicketUsageProjection.holds(c, last.getAsLong()))) {
            return false;
        }
        LOG.warnf("the usage read model has no row for closed epoch %d (e.g. after a rebuild from Kafka): rebuilding it "
                + "from the log", last.getAsLong());
        rebuildUsage();
        return true;
    }

    /** What {@link #rebuildFromLog} did. */
    public record Rebuilt(long logVersion, String stateDigestBefore, String stateDigest, int rowsBefore,
                          int rowsWritten, String indexDigest) { }

    private record Refolded(long version, String stateDigest, SortedMap<TicketSerial, SpentTicket> spent) { }

    private record FoldedAt(long version, String stateDigest) { }

    /**
     * Rebuilds everything this service derives from its log: the in-memory state (usage, double-spend index,
     * idempotency, digests) is folded again, and {@code redeemed_serial} is rewritten, in the same transaction and under
     * the writer lock, to hold exactly the double-spend index of a fresh fold of the whole ledger stream. The refolded
     * state may start from a snapshot (ADR 0011); it must equal the whole fold, or nothing is written and this throws.
     * Batches wait meanwhile. The digest before is of the state as this instance last caught up.
     */
    public Rebuilt rebuildFromLog() {
        view.catchUp();
        String before = view.read(s -> StateDigest.of(s.canonicalView()));
        view.invalidate();
        return Transactions.inTransaction(dataSource, c -> {
            // One handler call per transaction: it refolds (the fold was invalidated) and keeps the writer lock to the
            // commit, so the index below is rewritten from exactly the log this transaction sees.
            var decision = commands.decideIn(c, STREAM, current -> Decision.none(new FoldedAt(current.version(),
                    StateDigest.of(current.ledger().canonicalView()))));
            FoldedAt refolded = ((Decision.Accepted<FoldedAt>) decision).result();
            // the whole stream, never a snapshot: the index is rewritten from the log itself
            LedgerFold whole = StreamFold.foldWhole(new EventStore(), c, STREAM, LedgerFold.EVOLVER);
            Refolded fold = new Refolded(whole.version(), StateDigest.of(whole.state().canonicalView()),
                    whole.state().canonicalView().spent());
            if (!refolded.equals(new FoldedAt(fold.version(), fold.stateDigest()))) {
                view.invalidate();
                throw new IllegalStateException("ticket ledger rebuild: the refolded state " + refolded + " differs from"
                        + " the whole log's fold at version " + fold.version() + ", digest " + fold.stateDigest()
                        + "; a snapshot is wrong: restart with eventlog.snapshot.every=0");
            }
            int rowsBefore = index.digest(c).rows();
            int written = index.replaceAll(c, fold.spent());
            SerialIndex.IndexDigest digest = index.digest(c);
            LOG.infof("ticket ledger rebuilt from the log at version %d: state digest %s (was %s), redeemed_serial "
                    + "%d rows (was %d), index digest %s", fold.version(), fold.stateDigest(), before, written, rowsBefore,
                    digest.sha256());
            return new Rebuilt(fold.version(), before, fold.stateDigest(), rowsBefore, written, digest.sha256());
        });
    }

    /**
     * On EpochEnded(epoch), inside the consumer's transaction (with its inbox record): closes every open epoch up to
     * {@code epoch}, each as the domain fact plus the {@code EpochUsageClosed} integration record, caused by the input.
     * Returns the closed epochs (none for a redelivery of an epoch already closed).
     */
    public List<Long> closeEpochsThrough(Connection c, long epoch, String consumer, UUID inputEventId) throws SQLException {
        Decision<List<Long>> decision = commands.decideIn(c, STREAM, current -> closing(current, epoch, consumer, inputEventId));
        return switch (decision) {
            case Decision.Accepted<List<Long>> a -> {
                // the usage rows after the append, in its transaction: the decision that was appended is the one written
                for (Decision.Pending p : a.events()) {
                    TicketUsageProjection.applyDecoded(c, p.decoded());
                }
                yield a.result();
            }
            case Decision.Rejected<List<Long>> r -> {
                LOG.debugf("EpochEnded(%d): %s", epoch, r.rejection());
                yield List.of();
            }
        };
    }

    private Decision<List<Long>> closing(Current current, long epoch, String consumer, UUID inputEventId) {
        Instant now = clock.instant();
        var decision = TicketLedger.decide(new LedgerCommand.CloseEpochsThrough(epoch, now), current.ledger());
        if (!(decision instanceof Events events)) {
            return decision instanceof Rejected r
                    ? Decision.reject(r.rejection()) : Decision.none(List.of());
        }
        int indexed = current.ledger().indexedSerials();
        String digest = current.lastCloseDigest();
        List<Decision.Pending> out = new ArrayList<>();
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
            out.add(new Decision.Pending(LedgerEventCodec.encode(derivedId(inputEventId, "ledger-close-" + close.epoch()), close)
                    .causedBy(consumer, inputEventId), close));
            out.add(new Decision.Pending(LedgerEventCodec.encode(derivedId(inputEventId, "usage-closed-" + close.epoch()), contract)
                    .causedBy(consumer, inputEventId), contract));
            closed.add(close.epoch());
            LOG.infof("epoch %d usage closed: %d gateways, %d tickets, %d bytes, fee income %s uNYM", close.epoch(),
                    gateways.size(), close.totalTickets(), close.totalBytes(), close.feeIncome());
        }
        return Decision.accept(out, closed);
    }

    /** A registry fact from rewards-service (NodeBonded), inside the consumer's transaction. */
    public void recordGateway(Connection c, LedgerCommand.RecordGateway cmd, String consumer, UUID inputEventId)
            throws SQLException {
        registry(c, cmd.nodeId(), state -> Optional.of(cmd), consumer, inputEventId);
    }

    /** NodeUnbonded: the node keeps its identity, now unbonded; nothing if the ledger never knew it as a gateway. */
    public void unbondGateway(Connection c, long nodeId, String consumer, UUID inputEventId) throws SQLException {
        registry(c, nodeId, state -> state.gateway(nodeId)
                .map(g -> new LedgerCommand.RecordGateway(nodeId, g.identity(), false, clock.instant())), consumer, inputEventId);
    }

    private void registry(Connection c, long nodeId,
                          Function<LedgerState, Optional<LedgerCommand.RecordGateway>> command,
                          String consumer, UUID inputEventId) throws SQLException {
        Decision<Optional<LedgerCommand.RecordGateway>> decision = commands.decideIn(c, STREAM, current -> {
            Optional<LedgerCommand.RecordGateway> cmd = command.apply(current.ledger());
            if (cmd.isEmpty()) {
                return Decision.none(cmd);
            }
            return switch (TicketLedger.decide(cmd.get(), current.ledger())) {
                case Rejected r -> Decision.reject(r.rejection());
                case Events e when !e.events().isEmpty() -> {
                    List<Decision.Pending> out = new ArrayList<>();
                    for (int i = 0; i < e.events().size(); i++) {
                        out.add(new Decision.Pending(LedgerEventCodec.encode(derivedId(inputEventId, "gateway-" + i),
                                e.events().get(i)).causedBy(consumer, inputEventId), e.events().get(i)));
                    }
                    yield Decision.accept(out, cmd);
                }
                default -> Decision.none(Optional.empty());
            };
        });
        switch (decision) {
            case Decision.Accepted<Optional<LedgerCommand.RecordGateway>> a when a.result().isPresent() ->
                    LOG.infof("gateway node %d: identity %s, bonded=%s", nodeId, a.result().get().identity(), a.result().get().bonded());
            case Decision.Rejected<Optional<LedgerCommand.RecordGateway>> r ->
                    LOG.warnf("registry fact for node %d ignored: %s", nodeId, r.rejection().reason());
            default -> { }
        }
    }

    /** The cleaner: forgets serials past retention in the log and in the SQL index, in one transaction. */
    public Optional<LedgerEvent.SerialsExpired> expire(LedgerConfig config) {
        return commands.execute(STREAM, current -> {
            Instant now = clock.instant();
            LedgerCommand.ExpireSerials cmd = new LedgerCommand.ExpireSerials(LocalDate.ofInstant(now, ZoneOffset.UTC), now, config);
            if (!(TicketLedger.decide(cmd, current.ledger())
                    instanceof Events events) || events.events().isEmpty()) {
                return Decision.none(Optional.empty());
            }
            LedgerEvent.SerialsExpired expired = (LedgerEvent.SerialsExpired) events.events().getFirst();
            Decision.Effects forget = c -> {
                int deleted = index.delete(c, expired.serialsRemoved());
                if (deleted != expired.count()) {
                    throw new IndexMismatchException("expiry forgets " + expired.count() + " serials but " + deleted
                            + " rows were in redeemed_serial");
                }
            };
            return Decision.accept(List.of(new Decision.Pending(LedgerEventCodec.encode(UUID.randomUUID(), expired), expired)),
                    forget, Optional.of(expired));
        });
    }

    /** Name-based from (gateway, key, recorded time): reproducible, and distinct if a key is reused after expiry. */
    private static UUID batchEventId(LedgerEvent.TicketBatchRedeemed batch) {
        return batchEventId(batch.gateway(), batch.batchId(), batch.recordedAt());
    }

    private static UUID batchEventId(GatewayIdentity gateway, String batchId, java.time.Instant recordedAt) {
        return UUID.nameUUIDFromBytes(("ticket-batch\n" + gateway.base58() + "\n" + batchId + "\n"
                + recordedAt).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID derivedId(UUID input, String what) {
        return UUID.nameUUIDFromBytes((input + "\n" + what).getBytes(StandardCharsets.UTF_8));
    }
}
