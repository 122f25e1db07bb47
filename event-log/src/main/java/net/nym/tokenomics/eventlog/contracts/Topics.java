package net.nym.tokenomics.eventlog.contracts;

/**
 * One Kafka topic per service: the service's whole event log, published in log order, kept forever
 * ({@code retention.ms=-1}). Consumers pick the integration event types they need by the {@code event-type} header.
 */
public final class Topics {
    public static final String REWARDS = "nym.rewards.events";
    public static final String PERFORMANCE = "nym.performance.events";
    public static final String SELECTION = "nym.selection.events";
    public static final String TICKET_LEDGER = "nym.ticket-ledger.events";

    private Topics() {
    }
}
