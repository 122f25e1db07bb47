package net.nym.tokenomics.ticketledger.application;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.nym.tokenomics.eventlog.store.EventLogSchema;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.ticketledger.application.LedgerWriter.BatchResult;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerCommand;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.persistence.EpochClock;
import net.nym.tokenomics.ticketledger.persistence.SerialIndex;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * A ticket ledger on a schema of its own (the event-log tables and the service's migrations), written through the
 * service's writer with a clock the caller moves: gateways, groups of batches with replays and double spends, epoch
 * closes and serial expiry. For the snapshot test, the start-up benchmark and the year generator.
 */
final class LedgerHistory {

    /** A clock that stands still until moved. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A batch as a gateway submitted it. */
    record Submitted(GatewayIdentity gateway, String key, List<SubmittedTicket> tickets) {
    }

    /** A started service: its view (the fold) and its writer. */
    record Service(LedgerView view, LedgerWriter writer) {
    }

    final DataSource dataSource;
    final MovableClock clock;
    final List<GatewayIdentity> gateways = new ArrayList<>();
    private final Random random;
    private final List<SubmittedTicket> redeemed = new ArrayList<>();
    private final EpochClock epochClock = new EpochClock();
    private long epoch = 1;
    private int batches;
    private Submitted lastSubmitted;

    LedgerHistory(String schemaPrefix, Instant start, long seed) {
        this(freshSchema(schemaPrefix), start, seed);
    }

    /** On a schema already migrated with the service's migrations (the year generator's). */
    LedgerHistory(DataSource dataSource, Instant start, long seed) {
        this.dataSource = dataSource;
        this.clock = new MovableClock(start);
        this.random = new Random(seed);
    }

    private static DataSource freshSchema(String prefix) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
        org.postgresql.ds.PGSimpleDataSource direct = new org.postgresql.ds.PGSimpleDataSource();
        direct.setUrl(LocalInfra.jdbcUrl("eventlog_test"));
        direct.setUser(LocalInfra.env("PG_USER", "tokenomics"));
        direct.setPassword(LocalInfra.env("PG_PASSWORD", "tokenomics"));
        EventLogSchema.migrate(direct, schema, "classpath:db/migration");
        return LocalInfra.dataSource("eventlog_test", schema);
    }

    /** A service as a (re)start makes it: a new view, folded from the log (and a snapshot, if {@code every} > 0). */
    Service start(long every) {
        LedgerView view = new LedgerView(dataSource, epochClock, every);
        view.catchUp();
        return new Service(view, new LedgerWriter(dataSource, view, new SerialIndex(), clock, new SimpleMeterRegistry()));
    }

    /** Bonds {@code n} gateways and starts epoch 1. */
    void gateways(Service s, int n) {
        for (int g = 0; g < n; g++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            GatewayIdentity identity = GatewayIdentity.ofBytes(key);
            gateways.add(identity);
            long node = 100 + gateways.size();
            Transactions.inTransaction(dataSource, c -> {
                s.writer().recordGateway(c, new LedgerCommand.RecordGateway(node, identity, true, clock.instant()),
                        "test", UUID.randomUUID());
                return null;
            });
        }
        Transactions.inTransaction(dataSource, c -> {
            epochClock.advanceTo(c, epoch);
            return null;
        });
    }

    /**
     * One group: a batch of {@code size} tickets from each gateway, fresh except that every tenth of a batch is a serial
     * redeemed before (a replay when the same gateway had it, a double spend otherwise).
     */
    List<BatchResult> group(Service s, int size) {
        List<LongFunction<LedgerCommand.RedeemTicketBatch>> group = new ArrayList<>();
        for (GatewayIdentity gateway : gateways) {
            lastSubmitted = new Submitted(gateway, "batch-" + (++batches), tickets(size));
            group.add(command(lastSubmitted.gateway(), lastSubmitted.key(), lastSubmitted.tickets()));
        }
        return s.writer().redeemGroup(group);
    }

    /** The last batch {@link #group} submitted. */
    Submitted lastSubmitted() {
        return lastSubmitted;
    }

    /** A batch as the service's REST resource hands it to the writer (signature checked), submitted now. */
    LongFunction<LedgerCommand.RedeemTicketBatch> command(GatewayIdentity gateway, String key, List<SubmittedTicket> tickets) {
        Instant now = clock.instant();
        return current -> new LedgerCommand.RedeemTicketBatch(gateway, key, tickets, Optional.empty(), now, now, current,
                LedgerConfig.DEFAULT);
    }

    List<SubmittedTicket> tickets(int size) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<SubmittedTicket> out = new ArrayList<>(size);
        for (int t = 0; t < size; t++) {
            if (t % 10 == 9 && !redeemed.isEmpty()) {
                out.add(redeemed.get(random.nextInt(redeemed.size())));
                continue;
            }
            byte[] bytes = new byte[TicketSerial.SERIAL_BYTES];
            random.nextBytes(bytes);
            SubmittedTicket ticket = new SubmittedTicket(TicketSerial.ofBytes(bytes).base58(),
                    t % 3 == 0 ? "v1-mixnet-exit" : "v1-mixnet-entry", today);
            redeemed.add(ticket);
            out.add(ticket);
        }
        return out;
    }

    /** Ends the current epoch (as selection's EpochEnded would) and starts the next. */
    List<Long> closeEpoch(Service s) {
        long ending = epoch++;
        return Transactions.inTransaction(dataSource, c -> {
            List<Long> closed = s.writer().closeEpochsThrough(c, ending, "test", UUID.randomUUID());
            epochClock.advanceTo(c, epoch);
            return closed;
        });
    }

    /** Moves the clock {@code days} on and runs serial expiry; later tickets are spent on the new date. */
    void expireAfter(Service s, int days) {
        clock.advance(Duration.ofDays(days));
        redeemed.removeIf(t -> t.spendDate().isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(7)));
        s.writer().expire(LedgerConfig.DEFAULT);
    }
}
