package net.nym.tokenomics.eventlog.testing;

import net.nym.tokenomics.eventlog.relay.OutboxRelay;

import java.time.Duration;

/**
 * Draining a relay in a test. A relay correctly publishes nothing while another transaction on the server holds
 * {@code pg_snapshot_xmin} back (common right after databases are created), so "a pass published nothing" does not
 * mean "nothing is left": tests wait until the number of events they appended is published, with a deadline.
 */
public final class Relays {

    private Relays() {
    }

    /**
     * Publishes until this relay instance has sent {@code expected} events in all; fails after {@code deadline}, and
     * fails when it has sent more (a batch beyond the expected events is published twice or invented).
     */
    public static void publishAll(OutboxRelay relay, long expected, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (relay.publishedCount() < expected) {
            if (relay.publishOnce() == 0) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("the relay published " + relay.publishedCount() + " of " + expected
                            + " events within " + deadline);
                }
                Thread.sleep(20);
            }
        }
        if (relay.publishedCount() != expected) {
            throw new AssertionError("the relay published " + relay.publishedCount() + " events, expected " + expected);
        }
    }
}
