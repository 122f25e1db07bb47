package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.rewards.domain.LedgerCommand;
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

    /**
     * Why a configured genesis file differs from the allocation the log recorded (issue 15), or empty when they place
     * the same tokens in the same accounts. The file is read only for an empty log; a different file on a later start
     * is a mistake the operator should see, not a silent no-op.
     */
    public static Optional<String> allocationDisagreement(LedgerEvent.GenesisAllocated logged, LedgerCommand.GenesisAllocation file,
                                                          String fileName) {
        List<String> differences = new ArrayList<>();
        if (!logged.totalSupply().amount().equals(file.totalSupply())) {
            differences.add("total_supply " + file.totalSupply() + " (log: " + logged.totalSupply() + ")");
        }
        if (!logged.mixminingPool().amount().equals(file.mixminingPool())) {
            differences.add("mixmining_pool " + file.mixminingPool() + " (log: " + logged.mixminingPool() + ")");
        }
        if (!logged.vestingTokens().amount().equals(file.vestingTokens())) {
            differences.add("vesting_tokens " + file.vestingTokens() + " (log: " + logged.vestingTokens() + ")");
        }
        if (!logged.treasury().equals(file.treasury())) {
            differences.add("treasury " + file.treasury() + " (log: " + logged.treasury() + ")");
        }
        java.util.TreeMap<String, java.math.BigInteger> fromFile = new java.util.TreeMap<>();
        file.balances().forEach(b -> fromFile.put(b.account(), b.amount()));
        java.util.TreeMap<String, java.math.BigInteger> fromLog = new java.util.TreeMap<>();
        logged.balances().forEach(b -> fromLog.put(b.account(), b.amount().amount()));
        if (!fromFile.equals(fromLog)) {
            differences.add("balances (" + fromFile.size() + " accounts in the file, " + fromLog.size() + " in the log)");
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the genesis file " + fileName + " differs from the log's genesis: " + String.join(", ", differences)
                + ". The log is the truth: remove rewards.genesis.file or configure the file it was started with.");
    }

    private static String describe(RewardedSetParams s) {
        return s.entryGateways() + " entry / " + s.exitGateways() + " exit gateways, " + s.mixnodes() + " mixnodes, "
                + s.standby() + " standby";
    }
}
