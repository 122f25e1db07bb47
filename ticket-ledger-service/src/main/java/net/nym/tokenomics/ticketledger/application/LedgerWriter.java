package net.nym.tokenomics.ticketledger.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.ticketledger.domain.ledger.Decision;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import net.nym.tokenomics.ticketledger.domain.ledger.Rejection;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketLedger;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketStatus;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * The ledger's command handlers: lock the writer, catch up, decide, write the effects, append, commit — one
 * transaction per command. See {@link LedgerLog} for why writers serialise and what guards stand behind the lock.
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
                .description("time a batch holds the writer lock, until its commit starts")
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

        /** No EpochStarted/EpochEnded seen yet: the ledger cannot say which epoch a ticket counts in. */
        record EpochUnknown() implements BatchResult { }
    }

    /** Thrown when the SQL index and the folded state disagree: nothing is written, the request fails (500). */
    public static final class IndexMismatchException extends IllegalStateException {
        IndexMismatchException(String message) {
            super(message);
        }
    }

    private record Written<T>(T result, long expectedVersion, List<StoredEvent> stored) { }

    /**
     * Judges a batch whose signature the caller verified. {@code command} builds the command from the epoch clock and
     * the time taken after the writer lock was acquired.
     */
    public BatchResult redeem(List<SubmittedTicket> tickets, LongFunction<LedgerCommand.RedeemTicketBatch> command) {
        TreeSet<String> serials = new TreeSet<>();
        for (SubmittedTicket t : tickets) {
            try {
                serials.add(TicketSerial.parse(t.serial()).base58());
            } catch (IllegalArgumentException malformed) {
                // judged INVALID by the domain
            }
        }
        Written<BatchResult> written = Transactions.inTransaction(dataSource, c -> {
            log.lockWriter(c);
            long locked = System.nanoTime();
            try {
                return judge(c, serials, command);
            } finally {
                lockHeld.record(System.nanoTime() - locked, TimeUnit.NANOSECONDS);
            }
        });
        if (!written.stored().isEmpty()) {
            view.committed(written.expectedVersion(), written.stored());
        }
        return written.result();
    }

    private Written<BatchResult> judge(Connection c, TreeSet<String> serials,
                                       LongFunction<LedgerCommand.RedeemTicketBatch> command) throws SQLException {
        view.catchUp(c);
        long expected = view.version();
        OptionalLong current = epochClock.current(c);
        if (current.isEmpty()) {
            return new Written<>(new BatchResult.EpochUnknown(), expected, List.of());
        }
        LedgerCommand.RedeemTicketBatch cmd = command.apply(current.getAsLong());
        Map<String, SerialIndex.Row> rows = index.lookup(c, serials);
        Decision decision = view.read(state -> {
            for (String serial : serials) {
                boolean inState = state.ticketStatus(serial) instanceof TicketStatus.Redeemed;
                if (inState != rows.containsKey(serial)) {
                    throw new IndexMismatchException("serial " + serial + " is " + (inState ? "" : "not ")
                            + "redeemed in the ledger state at version " + expected + " but "
                            + (rows.containsKey(serial) ? "is" : "is not") + " in redeemed_serial");
                }
            }
            return TicketLedger.decide(cmd, state);
        });
        return switch (decision) {
            case Decision.Rejected r -> new Written<BatchResult>(new BatchResult.Refused(r.rejection()), expected, List.of());
            case Decision.AlreadyProcessed p -> new Written<BatchResult>(new BatchResult.Resubmitted(p.original()), expected, List.of());
            case Decision.Events e -> {
                LedgerEvent.TicketBatchRedeemed batch = (LedgerEvent.TicketBatchRedeemed) e.events().getFirst();
                int inserted = index.insertAccepted(c, batch);
                if (inserted != batch.counts().accepted()) {
                    throw new IndexMismatchException("batch " + batch.batchId() + " accepted " + batch.counts().accepted()
                            + " serials but only " + inserted + " were new to redeemed_serial");
                }
                List<StoredEvent> stored = log.append(c, expected,
                        List.of(LedgerEventCodec.encode(batchEventId(batch), batch)));
                yield new Written<BatchResult>(new BatchResult.Judged(batch), expected, stored);
            }
        };
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
