package net.nym.tokenomics.ticketledger.application;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.ticketledger.config.LedgerSettings;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Runs the cleaner on a schedule ({@code ticket-ledger.expiry.every}) and on an admin's request. */
@ApplicationScoped
public class SerialExpiryJob {

    private static final Logger LOG = Logger.getLogger(SerialExpiryJob.class);

    private final LedgerWriter writer;
    private final LedgerConfig config;

    public SerialExpiryJob(LedgerWriter writer, LedgerSettings settings) {
        this.writer = writer;
        this.config = settings.ledgerConfig();
    }

    @Scheduled(every = "${ticket-ledger.expiry.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    public Optional<LedgerEvent.SerialsExpired> run() {
        Optional<LedgerEvent.SerialsExpired> expired = writer.expire(config);
        expired.ifPresent(e -> LOG.infof("serial expiry: forgot %d serials spent before %s (retention %d days); "
                + "spend dates before %s refused from now on", e.count(), e.cutoff(), config.retentionDays(), e.spendDateFloor()));
        return expired;
    }
}
