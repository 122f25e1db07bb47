package net.nym.tokenomics.performance.domain.rewardedset;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rewarded set selection-service chose for {@code epoch}: each member's role. A node listed under two roles
 * (selection never does this) keeps the first in {@link RewardedRole} order, so any input gives one answer.
 */
public record RewardedSet(long epoch, Map<Long, RewardedRole> roles) {

    public static final RewardedSet NONE = new RewardedSet(-1, Map.of());

    public RewardedSet {
        roles = Collections.unmodifiableMap(new TreeMap<>(roles));
    }

    public static RewardedSet of(long epoch, List<Long> entryGateways, List<Long> layer1, List<Long> layer2,
                                 List<Long> layer3, List<Long> exitGateways, List<Long> standby) {
        TreeMap<Long, RewardedRole> roles = new TreeMap<>();
        put(roles, entryGateways, RewardedRole.ENTRY_GATEWAY);
        put(roles, layer1, RewardedRole.LAYER1);
        put(roles, layer2, RewardedRole.LAYER2);
        put(roles, layer3, RewardedRole.LAYER3);
        put(roles, exitGateways, RewardedRole.EXIT_GATEWAY);
        put(roles, standby, RewardedRole.STANDBY);
        return new RewardedSet(epoch, roles);
    }

    private static void put(TreeMap<Long, RewardedRole> roles, List<Long> nodes, RewardedRole role) {
        for (Long node : Objects.requireNonNullElse(nodes, List.<Long>of())) {
            roles.putIfAbsent(node, role);
        }
    }

    public Optional<RewardedRole> roleOf(long nodeId) {
        return Optional.ofNullable(roles.get(nodeId));
    }

    /**
     * The current set after {@code next} is recorded: the set of the highest epoch seen, so a set recorded late for
     * an older epoch does not replace a newer one.
     */
    public RewardedSet evolve(RewardedSet next) {
        return next.epoch() >= epoch ? next : this;
    }
}
