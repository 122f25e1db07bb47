package net.nym.tokenomics.rewards.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code rewards.*}: the ledger's genesis parameters (used once, to record {@code LedgerInitialized} as the first event
 * of an empty log; later changes go through the admin API) and the application's knobs. Defaults are the reference's
 * mainnet-like values (rewarding-contract.md §1).
 */
@ConfigMapping(prefix = "rewards")
public interface RewardsConfig {

    Genesis genesis();

    /** How often the epoch rewarder looks for newly recorded inputs (a Quarkus scheduler period, at least {@code 1s}). */
    @WithDefault("1s")
    String rewarderPoll();


    interface Genesis {
        /**
         * A genesis file (docs/genesis.md): total supply, mixmining pool (the reward pool), balances. Without one, the
         * whole {@link #totalSupply()} but the {@link #rewardPool()} is the {@link #treasury()}'s.
         */
        Optional<String> file();

        /** Total supply in uNYM when no genesis file is given: 1,000,000,000 NYM. */
        @WithDefault("1000000000000000")
        String totalSupply();

        /** The account that holds the unallocated supply when no genesis file is given, and funds others. */
        @WithDefault("n1treasury")
        String treasury();

        /** The mixmining pool when no genesis file is given (a genesis file's {@code mixmining_pool} replaces it). */
        @WithDefault("244817525850285")
        String rewardPool();

        @WithDefault("100000000000000")
        String stakingSupply();

        @WithDefault("50")
        long stakingSupplyScaleFactorPercent();

        @WithDefault("30")
        long sybilResistancePercent();

        @WithDefault("10")
        String activeSetWorkFactor();

        @WithDefault("2")
        long intervalPoolEmissionPercent();

        @WithDefault("50")
        int entryGateways();

        @WithDefault("70")
        int exitGateways();

        @WithDefault("120")
        int mixnodes();

        @WithDefault("0")
        int standby();

        @WithDefault("720")
        int epochsInInterval();

        @WithDefault("PT1H")
        Duration epochLength();

        /** Start of epoch 0 (selection's genesis); the ledger's clock is logical from there on (see README). */
        @WithDefault("2026-01-01T00:00:00Z")
        Instant firstEpochStart();

        /** The fee-income extension: off by default, so every number is the contract's. */
        @WithDefault("false")
        boolean feeIncomeEnabled();

        @WithDefault("60")
        long feeIncomeRewardSharePercent();
    }
}
