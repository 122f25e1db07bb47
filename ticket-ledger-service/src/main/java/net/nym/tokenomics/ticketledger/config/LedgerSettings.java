package net.nym.tokenomics.ticketledger.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerConfig;

import java.time.Duration;

/** {@code ticket-ledger.*}: the ledger's rules and the service's limits. */
@ConfigMapping(prefix = "ticket-ledger")
public interface LedgerSettings {

    /** Spend dates within [today - this, today] (UTC) are accepted. */
    @WithDefault("7")
    int spendWindowDays();

    /** {@code TICKETBOOK_VALIDITY_DAYS}. */
    @WithDefault("7")
    int ticketbookValidityDays();

    /** A batch with more tickets is refused whole (413). */
    @WithDefault("1000")
    int maxBatchSize();

    /** A batch signed longer ago than this is stale (400). */
    @WithDefault("PT5M")
    Duration maxSubmissionAge();

    /** A batch signed further in the future than this is refused (400). */
    @WithDefault("PT5M")
    Duration maxClockSkew();

    /** The ecash contract's deposit_amount per ticketbook, in uNYM; one ticket is worth 1/50 of it. */
    @WithDefault("75000000")
    long depositPerTicketbook();

    /** How often an instance reads events other instances appended, for fresh reads. */
    @WithDefault("1s")
    String tailEvery();

    RateLimit rateLimit();

    Expiry expiry();

    Writer writer();

    /** Create the input topics at start-up when missing (local runs and tests; Strimzi owns them in Kubernetes). */
    @WithDefault("true")
    boolean createTopics();

    /** Per-gateway token bucket on POST /v1/ticket-batches. */
    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained batches per second per gateway. */
        @WithDefault("10")
        double requestsPerSecond();

        /** Bucket size: how many batches a gateway may send at once. */
        @WithDefault("20")
        int burst();
    }

    interface Expiry {
        /** How often the cleaner runs (a Quarkus scheduler period, e.g. 2h; "off" disables it). */
        @WithDefault("2h")
        String every();
    }

    /** The batch writer's group commit (see {@code GroupCommit}). */
    interface Writer {
        /** At most this many queued batches are judged and committed in one transaction. */
        @WithDefault("64")
        int maxGroupBatches();
    }

    default LedgerConfig ledgerConfig() {
        return new LedgerConfig(spendWindowDays(), ticketbookValidityDays(), maxBatchSize(), maxSubmissionAge(),
                maxClockSkew(), Unym.of(depositPerTicketbook()));
    }
}
