package net.nym.tokenomics.simulator.system;

import com.fasterxml.jackson.databind.JsonNode;
import net.nym.tokenomics.audit.TopicLog;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.StoredEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second, independent computation of every epoch's rewards, written from the reference
 * ({@code rewarding-contract.md} §1, §2 and §4) and not from rewards-service's code: it reads only what the services
 * published and the genesis parameters the test configured, and derives the budget, the saturation point, the work
 * factors and each node's reward with the contract's operation order. It uses nothing of the rewards domain.
 *
 * <p>The stake a node is rewarded on in epoch {@code e} is its stake in {@code StakeSnapshotTaken(e-1)} (the state
 * after the previous epoch's reconciliation) updated by the withdrawals recorded during {@code e} (they apply at once,
 * §4); a node missing from that snapshot was bonded during {@code e} and cannot be rewarded in it.
 */
final class IndependentRewards {

    /** Genesis parameters as configured for the run (rewards.genesis.*). */
    record Genesis(Decimal rewardPool, Decimal stakingSupply, Decimal scaleFactor, Decimal alpha, Decimal workFactor,
                   Decimal emission, int epochsInInterval) {
    }

    /** A node's expected reward in one epoch, with what it was computed from. */
    record Expected(long epoch, long nodeId, Decimal reward, Decimal workFactor, Percent performance) {
    }

    /**
     * Budget and saturation point per epoch as computed here, the saturation point the stake snapshot before each
     * epoch carried (what selection weighted with), and the expected reward of every node each epoch names.
     */
    record Result(Map<Long, Decimal> budgets, Map<Long, Decimal> saturationPoints, Map<Long, Decimal> publishedSaturationPoints,
                  List<Expected> nodes) {
    }

    private IndependentRewards() {
    }

    static Result compute(Genesis g, TopicLog selection, TopicLog performance, TopicLog rewards) {
        EventCodec codec = IntegrationEvents.codec();
        Map<Long, IntegrationEvents.RewardedSetSelected> sets = new HashMap<>();
        Map<Long, Boolean> lastInInterval = new HashMap<>();
        for (TopicLog.Sequenced s : selection.events()) {
            switch (s.event().eventType()) {
                case IntegrationEvents.RewardedSetSelected.TYPE -> {
                    var e = codec.decode(s.event(), IntegrationEvents.RewardedSetSelected.class);
                    sets.putIfAbsent(e.epochId(), e);
                }
                case IntegrationEvents.EpochEnded.TYPE -> {
                    var e = codec.decode(s.event(), IntegrationEvents.EpochEnded.class);
                    lastInInterval.putIfAbsent(e.epochId(), e.lastInInterval());
                }
                default -> { }
            }
        }
        Map<Long, Map<Long, Percent>> perf = new HashMap<>();
        for (TopicLog.Sequenced s : performance.events()) {
            if (s.event().eventType().equals(IntegrationEvents.EpochPerformanceComputed.TYPE)) {
                var e = codec.decode(s.event(), IntegrationEvents.EpochPerformanceComputed.class);
                Map<Long, Percent> byNode = new HashMap<>();
                e.nodes().forEach(n -> byNode.putIfAbsent(n.nodeId(), n.performance()));
                perf.putIfAbsent(e.epochId(), byNode);
            }
        }

        Decimal pool = g.rewardPool();
        Decimal stakingSupply = g.stakingSupply();
        Decimal removedThisInterval = Decimal.ZERO;
        Decimal budget = pool.div(Decimal.of(g.epochsInInterval())).times(g.emission());
        Map<Long, Decimal> budgets = new HashMap<>();
        Map<Long, Decimal> saturationPoints = new HashMap<>();
        Map<Long, Decimal> publishedSaturationPoints = new HashMap<>();
        List<Expected> expected = new ArrayList<>();
        // Stake per node as of now: O and D.
        Map<Long, Decimal[]> stake = null;
        IntegrationEvents.StakeSnapshotTaken snapshot = null;
        for (TopicLog.Sequenced s : rewards.events()) {
            StoredEvent event = s.event();
            switch (event.eventType()) {
                case IntegrationEvents.StakeSnapshotTaken.TYPE -> {
                    snapshot = codec.decode(event, IntegrationEvents.StakeSnapshotTaken.class);
                    stake = new HashMap<>();
                    for (IntegrationEvents.NodeStake n : snapshot.nodes()) {
                        stake.put(n.nodeId(), new Decimal[] {n.operator(), n.delegates()});
                    }
                }
                case "ledger.OperatorRewardWithdrawn" -> {
                    JsonNode j = tree(event);
                    if (stake != null && stake.containsKey(j.get("node_id").asLong())) {
                        stake.get(j.get("node_id").asLong())[0] = Decimal.parse(j.get("operator_after").asText());
                    }
                }
                case "ledger.DelegatorRewardWithdrawn" -> {
                    JsonNode j = tree(event);
                    if (stake != null && stake.containsKey(j.get("node_id").asLong())) {
                        stake.get(j.get("node_id").asLong())[1] = Decimal.parse(j.get("delegates_after").asText());
                    }
                }
                case IntegrationEvents.EpochRewarded.TYPE -> {
                    var rewarded = codec.decode(event, IntegrationEvents.EpochRewarded.class);
                    long epoch = rewarded.epochId();
                    budgets.put(epoch, budget);
                    if (snapshot != null) {
                        int k = snapshot.entryGateways() + snapshot.exitGateways() + snapshot.mixnodes() + snapshot.standby();
                        Decimal sat = stakingSupply.div(Decimal.of(k));
                        saturationPoints.put(epoch, sat);
                        publishedSaturationPoints.put(epoch, snapshot.stakeSaturationPoint());
                        Decimal distributed = expectEpoch(g, epoch, budget, sat, snapshot, stake, sets.get(epoch),
                                perf.getOrDefault(epoch, Map.of()), expected);
                        removedThisInterval = removedThisInterval.plus(distributed);
                    } else {
                        // The first epoch: nodes were bonded in it and none can be rewarded (nothing to compare against).
                        removedThisInterval = removedThisInterval.plus(rewarded.distributed());
                    }
                    if (lastInInterval.getOrDefault(epoch, false)) {
                        // §4 apply_reward_pool_changes, then B and sat from the new pool and supply.
                        pool = pool.minus(removedThisInterval);
                        stakingSupply = stakingSupply.plus(g.scaleFactor().times(removedThisInterval));
                        budget = pool.div(Decimal.of(g.epochsInInterval())).times(g.emission());
                        removedThisInterval = Decimal.ZERO;
                    }
                }
                default -> { }
            }
        }
        return new Result(budgets, saturationPoints, publishedSaturationPoints, expected);
    }

    /** §2 for every node of the epoch's rewarded set; returns the sum paid. */
    private static Decimal expectEpoch(Genesis g, long epoch, Decimal budget, Decimal sat,
                                       IntegrationEvents.StakeSnapshotTaken params, Map<Long, Decimal[]> stake,
                                       IntegrationEvents.RewardedSetSelected set, Map<Long, Percent> perf, List<Expected> out) {
        if (set == null) {
            return Decimal.ZERO;
        }
        int entry = Math.max(params.entryGateways(), set.entryGateways().size());
        int exit = Math.max(params.exitGateways(), set.exitGateways().size());
        int mix = Math.max(params.mixnodes(), set.layer1().size() + set.layer2().size() + set.layer3().size());
        int standbyCount = Math.max(params.standby(), set.standby().size());
        int k = entry + exit + mix + standbyCount;
        Decimal f = g.workFactor();
        Decimal standbyWork = Decimal.ONE.div(f.times(Decimal.of(k)).minus(f.minus(Decimal.ONE).times(Decimal.of(standbyCount))));
        Decimal activeWork = f.times(standbyWork);
        int configuredK = params.entryGateways() + params.exitGateways() + params.mixnodes() + params.standby();
        Map<Long, Decimal> work = new HashMap<>();
        for (List<Long> active : List.of(set.entryGateways(), set.exitGateways(), set.layer1(), set.layer2(), set.layer3())) {
            active.forEach(id -> work.put(id, activeWork));
        }
        set.standby().forEach(id -> work.put(id, standbyWork));
        Decimal paid = Decimal.ZERO;
        for (Map.Entry<Long, Decimal> w : new java.util.TreeMap<>(work).entrySet()) {
            long id = w.getKey();
            Percent rho = perf.getOrDefault(id, Percent.ZERO);
            Decimal[] od = stake.get(id);
            Decimal reward = Decimal.ZERO;
            if (od != null && !rho.value().isZero() && !w.getValue().isZero()) {
                Decimal bond = od[0].plus(od[1]);
                Decimal bondSat = bond.compareTo(sat) > 0 ? Decimal.ONE : bond.div(sat);
                Decimal pledgeSat = od[0].compareTo(sat) > 0 ? Decimal.ONE : od[0].div(sat);
                reward = budget.times(rho.value()).times(bondSat)
                        .times(w.getValue().plus(g.alpha().times(pledgeSat).div(Decimal.of(configuredK))))
                        .div(Decimal.ONE.plus(g.alpha()));
            }
            paid = paid.plus(reward);
            out.add(new Expected(epoch, id, reward, w.getValue(), rho));
        }
        return paid;
    }

    private static JsonNode tree(StoredEvent e) {
        try {
            return Json.mapper().readTree(e.payload());
        } catch (Exception ex) {
            throw new IllegalStateException("unreadable " + e.describe(), ex);
        }
    }
}
