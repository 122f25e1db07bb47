package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.selection.domain.clock.ClockConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network's shape is configured once ({@code network.epochs-in-interval}, event-log's defaults, shared with
 * rewards-service) and recorded in the log by the first start ({@code ClockInitialized}). A restart with another
 * interval or epoch length would run a clock the log does not have, and rewards-service would roll intervals over at
 * other epochs: selection-service refuses to start instead, naming both values. The clock's mode is operational
 * (a demo may switch from MANUAL to ACCELERATED), so a different mode is only reported: the logged one is kept.
 */
public final class ClockAgreement {

    private ClockAgreement() {
    }

    /** Why the configured clock cannot run on the logged one, or empty when the shape agrees. */
    public static Optional<String> disagreement(ClockConfig logged, ClockConfig configured) {
        List<String> differences = new ArrayList<>();
        if (logged.epochsInInterval() != configured.epochsInInterval()) {
            differences.add("network.epochs-in-interval (selection.clock.epochs-in-interval) is "
                    + configured.epochsInInterval() + " but the log's clock has " + logged.epochsInInterval());
        }
        if (!logged.epochLength().equals(configured.epochLength())) {
            differences.add("selection.clock.epoch-length is " + configured.epochLength() + " but the log's clock has "
                    + logged.epochLength());
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", differences) + ". The log is the truth: configure the logged values, or "
                + "start on an empty database to begin a new network.");
    }
}
