package net.nym.tokenomics.rewards.persistence;

/**
 * The two streams of the rewards log (read and written only through {@code EventStore}).
 * {@link #LEDGER}: every decision (domain events) and the integration events published with it.
 * {@link #INPUTS}: epoch inputs as received from the other services, written only by the input consumer.
 */
public final class LedgerLog {

    public static final String LEDGER = "ledger";
    public static final String INPUTS = "epoch-inputs";

    private LedgerLog() {
    }
}
