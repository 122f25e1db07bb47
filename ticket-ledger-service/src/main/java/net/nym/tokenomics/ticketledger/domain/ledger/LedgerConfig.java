package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Unym;

import java.time.Duration;
import java.util.Objects;

/**
 * The ledger's tunables, passed in with each command (the domain reads no configuration itself).
 *
 * @param spendWindowDays        spend dates within [today - spendWindowDays, today] (UTC) are accepted
 * @param ticketbookValidityDays how far apart two spend dates of one serial can be: a ticket only verifies for dates
 *                               its book's expiration signature covers ({@code TICKETBOOK_VALIDITY_DAYS}). The
 *                               gateway checks that signature; the ledger relies on the bound to expire safely.
 * @param maxBatchSize           more tickets than this rejects the whole batch
 * @param maxSubmissionAge       a batch signed longer ago than this is stale
 * @param maxClockSkew           a batch signed further in the future than this is rejected
 * @param depositPerTicketbook   the ecash contract's {@code deposit_amount}; one ticket is worth 1/50 of it
 */
public record LedgerConfig(int spendWindowDays, int ticketbookValidityDays, int maxBatchSize, Duration maxSubmissionAge,
                           Duration maxClockSkew, Unym depositPerTicketbook) {

    /** {@code TICKETBOOK_VALIDITY_DAYS}. */
    public static final int NYM_TICKETBOOK_VALIDITY_DAYS = 7;
    /** The deposit the ecash contract's tests configure (TV-9). */
    public static final Unym CONTRACT_TEST_DEPOSIT = Unym.of(75_000_000L);

    public static final LedgerConfig DEFAULT = new LedgerConfig(7, NYM_TICKETBOOK_VALIDITY_DAYS, 1000,
            Duration.ofSeconds(300), Duration.ofSeconds(300), CONTRACT_TEST_DEPOSIT);

    public LedgerConfig {
        Objects.requireNonNull(maxSubmissionAge, "maxSubmissionAge");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        Objects.requireNonNull(depositPerTicketbook, "depositPerTicketbook");
        if (spendWindowDays < 0 || ticketbookValidityDays < 0) {
            throw new IllegalArgumentException("day counts cannot be negative");
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        if (maxSubmissionAge.isNegative() || maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("freshness durations cannot be negative");
        }
    }

    /**
     * Serials with a spend date before {@code today - retentionDays()} may be forgotten. A forgotten serial's other
     * spend dates are at most {@code ticketbookValidityDays} later, so all of them are already outside the accepted
     * window: the serial can never be accepted again. With Nym's own window (today and yesterday, 1 day) this is
     * nym-api's 8 days; with a 7-day window it is 14.
     */
    public int retentionDays() {
        return spendWindowDays + ticketbookValidityDays;
    }

    public LedgerConfig withMaxBatchSize(int size) {
        return new LedgerConfig(spendWindowDays, ticketbookValidityDays, size, maxSubmissionAge, maxClockSkew, depositPerTicketbook);
    }

    public LedgerConfig withSpendWindowDays(int days) {
        return new LedgerConfig(days, ticketbookValidityDays, maxBatchSize, maxSubmissionAge, maxClockSkew, depositPerTicketbook);
    }

    public LedgerConfig withDeposit(Unym deposit) {
        return new LedgerConfig(spendWindowDays, ticketbookValidityDays, maxBatchSize, maxSubmissionAge, maxClockSkew, deposit);
    }
}
