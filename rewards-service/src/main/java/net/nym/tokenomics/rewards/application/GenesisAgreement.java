package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network's shape (epochs per interval, rewarded-set sizes) is configured once ({@code network.*}, event-log's
 * defaults) and recorded in the log's genesis. A service restarted on an existing log with another shape would decide
 * on numbers the log does not have (and selection-service would disagree with it): it refuses to start instead.
 * Later admin changes of the sizes are recorded events, not configuration, so only the genesis is compared.
 */
public final class GenesisAgreement {

    private GenesisAgreement() {
    }

    /** Why the configured shape differs from the logged genesis, or empty when they agree. */
    public static Optional<String> disagreement(LedgerEvent.LedgerInitialized logged, int epochsInInterval,
                                                RewardedSetParams sizes) {
        List<String> differences = new ArrayList<>();
        int loggedEpochs = logged.params().epochsInInterval();
        if (loggedEpochs != epochsInInterval) {
            differences.add("network.epochs-in-interval is " + epochsInInterval + " but the log's genesis has " + loggedEpochs);
        }
        RewardedSetParams loggedSizes = logged.params().rewardedSet();
        if (!loggedSizes.equals(sizes)) {
            differences.add("network.rewarded-set is " + describe(sizes) + " but the log's genesis has " + describe(loggedSizes));
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", differences) + ". The log is the truth: configure the logged values, or "
                + "start on an empty database to begin a new network.");
    }

    private static String describe(RewardedSetParams s) {
        return s.entryGateways() + " entry / " + s.exitGateways() + " exit gateways, " + s.mixnodes() + " mixnodes, "
                + s.standby() + " standby";
    }
}
