package net.nym.tokenomics.rewards.app;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The reference's TV7 parameters: 10 nodes (1 entry, 2 exit, 3 mix, 4 standby), one epoch per interval. */
public class Tv7Profile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("rewards.genesis.reward-pool", "250000000000000"),
                Map.entry("rewards.genesis.staking-supply", "100000000000000"),
                Map.entry("rewards.genesis.staking-supply-scale-factor-percent", "100"),
                Map.entry("rewards.genesis.sybil-resistance-percent", "30"),
                Map.entry("rewards.genesis.active-set-work-factor", "10"),
                Map.entry("rewards.genesis.interval-pool-emission-percent", "2"),
                Map.entry("rewards.genesis.entry-gateways", "1"),
                Map.entry("rewards.genesis.exit-gateways", "2"),
                Map.entry("rewards.genesis.mixnodes", "3"),
                Map.entry("rewards.genesis.standby", "4"),
                Map.entry("rewards.genesis.epochs-in-interval", "1"));
    }
}
