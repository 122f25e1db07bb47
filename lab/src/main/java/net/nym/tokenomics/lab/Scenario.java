package net.nym.tokenomics.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A lab scenario: every parameter explicit, read from one JSON file (snake_case keys; see {@code lab/README.md} for the
 * meaning of each). Unknown or missing keys are refused, so that a copied file cannot silently run with a default.
 * Decimals that enter the reward arithmetic are strings (exact); doubles are only the generator's distribution shapes.
 */
public record Scenario(String name, String description, String seed, int months, int epochsPerInterval, Mode mode,
                       Token token, Rewarding rewarding, Network network, Nodes nodes, Demand demand, Pricing pricing) {

    /** {@code paper}: stakes drawn afresh each interval, no compounding; {@code persistent}: the network persists, rewards compound. */
    public enum Mode { paper, persistent }

    /** {@code circulating}: staking supply = total supply − pool each interval (paper text and simulator); {@code contract}: supply += scale × distributed (the contract). */
    public enum StakingSupplyRule { circulating, contract }

    public record Token(long totalSupplyNym, long initialPoolNym, long initialStakingSupplyNym,
                        StakingSupplyRule stakingSupplyRule, String stakingSupplyScaleFactor) {
        public Token {
            Objects.requireNonNull(stakingSupplyRule, "token.staking_supply_rule");
            Objects.requireNonNull(stakingSupplyScaleFactor, "token.staking_supply_scale_factor");
        }
    }

    public record Rewarding(String sybilResistance, String activeSetWorkFactor, String intervalPoolEmission,
                            String feeShareToMixnet) {
        public Rewarding {
            Objects.requireNonNull(sybilResistance, "rewarding.sybil_resistance");
            Objects.requireNonNull(activeSetWorkFactor, "rewarding.active_set_work_factor");
            Objects.requireNonNull(intervalPoolEmission, "rewarding.interval_pool_emission");
            Objects.requireNonNull(feeShareToMixnet, "rewarding.fee_share_to_mixnet");
        }
    }

    /**
     * W = max(min_width, ⌈demand per second / (node peak capacity(t) / peak_factor)⌉), A = layers·W,
     * B = reserve_per_active·A, K = max(A + B, min_rewarded), N = candidates_per_rewarded·K.
     */
    public record Network(int layers, int minWidth, int reservePerActive, int candidatesPerRewarded, int minRewarded,
                          double nodePeakPacketsPerSecond, double peakFactor, double capacityGrowthMonthly) {
    }

    /** Candidate nodes and the stake distribution of §5.5. */
    public record Nodes(long intervalOperatingCostNym, String profitMargin, String performance, long minimumPledgeNym,
                        double pledgedFraction, double delegatedFraction, double saturatedPledgesFractionOfK,
                        double minimumPledgesFractionOfN, double paretoShape) {
        public Nodes {
            Objects.requireNonNull(profitMargin, "nodes.profit_margin");
            Objects.requireNonNull(performance, "nodes.performance");
        }
    }

    /** Demand in packets per second, growing by {@code monthly_growth} each interval; fees are packets × price. */
    public record Demand(double initialPacketsPerSecond, double monthlyGrowth, long priceUnymPerPacket, long secondsPerInterval) {
    }

    /** The Theorem 1 check: surplus τ, a per-packet node cost, and the spread of the sampled demand. */
    public record Pricing(String surplusUnymPerPacket, String costPerPacketUnym, double demandRelativeSd, int samples) {
        public Pricing {
            Objects.requireNonNull(surplusUnymPerPacket, "pricing.surplus_unym_per_packet");
            Objects.requireNonNull(costPerPacketUnym, "pricing.cost_per_packet_unym");
        }
    }

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(rewarding, "rewarding");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(nodes, "nodes");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(pricing, "pricing");
        if (months < 1 || months > 1200) {
            throw new IllegalArgumentException("months must be in [1, 1200], got " + months);
        }
        if (epochsPerInterval < 1 || epochsPerInterval > 100_000) {
            throw new IllegalArgumentException("epochs_per_interval must be in [1, 100000], got " + epochsPerInterval);
        }
        if (network.layers() < 1 || network.minWidth() < 1 || network.candidatesPerRewarded() < 1) {
            throw new IllegalArgumentException("network: layers, min_width and candidates_per_rewarded must be at least 1");
        }
    }

    public Decimal nym(long nym) {
        return Decimal.of(nym).times(Decimal.of(1_000_000));
    }

    public Percent percent(String value) {
        return Percent.parse(value);
    }

    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public static Scenario read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Scenario.class);
    }

    public Scenario withMonths(int value) {
        return new Scenario(name, description, seed, value, epochsPerInterval, mode, token, rewarding, network, nodes, demand, pricing);
    }
}
