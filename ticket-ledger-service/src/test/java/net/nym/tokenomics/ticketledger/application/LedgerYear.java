package net.nym.tokenomics.ticketledger.application;

import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.YearLogs;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Not a test: a year of ticket-ledger history (issue 20's benchmark; simulator's {@code YearHistory} generates the
 * other services' years) on a {@code year_} schema of {@code ticket_ledger_test}, written through the service's
 * {@link LedgerWriter} by {@link LedgerHistory}: {@code gateways} gateways (default 20), then per hourly epoch one batch
 * of {@code tickets} tickets (default 20, a tenth of them replays or double spends) from each, the epoch closed as
 * selection's {@code EpochEnded} closes it, and serial expiry once a day (the state keeps 14 days of serials). The
 * writer snapshots every 10,000 events (the service's setting). The packaged service is then measured on the schema with
 * simulator's {@code YearMeasure}. Run with the service's test classpath:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) net.nym.tokenomics.ticketledger.application.LedgerYear \
 *     --schema year_ticket_ledger [--epochs 8760] [--gateways 20] [--tickets 20] [--minutes M] [--seed 20]
 * </pre>
 */
public final class LedgerYear {

    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");

    private LedgerYear() {
    }

    public static void main(String[] args) {
        String schema = null, db = "ticket_ledger_test";
        int epochs = 8760, gateways = 20, tickets = 20;
        long seed = 20;
        double minutes = Double.POSITIVE_INFINITY;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--schema" -> schema = v;
                case "--db" -> db = v;
                case "--epochs" -> epochs = Integer.parseInt(v);
                case "--gateways" -> gateways = Integer.parseInt(v);
                case "--tickets" -> tickets = Integer.parseInt(v);
                case "--minutes" -> minutes = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        LedgerHistory h = new LedgerHistory(YearLogs.recreate(db, schema, LedgerView.class), GENESIS, seed);
        LedgerHistory.Service writer = h.start(10_000);
        h.gateways(writer, gateways);
        int batchSize = tickets;
        long written = YearLogs.epochs(epochs, YearLogs.deadline(minutes), e -> {
            h.group(writer, batchSize);
            h.closeEpoch(writer);
            h.clock.advance(Duration.ofHours(1));
            if ((e + 1) % 24 == 0) {
                h.expireAfter(writer, 0);
            }
            return "stream version " + writer.view().version() + ", "
                    + writer.view().read(LedgerState::indexedSerials) + " serials indexed";
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "ticket-ledger: %d of %d epochs, %.1f s with the set-up (%.2f epochs/s%s), %d gateways "
                        + "x %d tickets an epoch, %d serials indexed%n", written, epochs, seconds, written / seconds,
                written < epochs ? ", stopped by --minutes" : "", gateways, tickets,
                writer.view().read(LedgerState::indexedSerials));
        YearLogs.printLogSize(LocalInfra.dataSource(db, schema));
        System.exit(0);
    }
}
