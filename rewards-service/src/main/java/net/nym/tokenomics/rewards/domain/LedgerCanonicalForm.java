package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.rewards.domain.rewarding.ActiveSetUpdate;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.IntervalRewardParams;
import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;

import java.util.function.BiConsumer;

/**
 * The ledger as {@code key -> value} strings, for digests. The format is part of the log's contract: a change
 * changes every digest, so it is spelled out here rather than left to {@code Record.toString()}.
 *
 * <p>Keys: {@code account/<address>} (funded ledgers), {@code delegation/<node id, 20 digits>/<owner>},
 * {@code globals/<name>} ({@code globals/supply} in a funded ledger: its totals and the balances' multiset hash, so
 * that the per-epoch digest, which leaves out accounts and delegations, still covers every balance), {@code node/<node id, 20 digits>},
 * {@code pending-epoch/<id, 20 digits>}, {@code pending-interval/<id, 20 digits>}; emitted in ascending key order.
 * Values: {@code name=value} pairs joined by {@code ;}, decimals in their canonical form (no trailing zeros),
 * instants in ISO-8601, durations in seconds, absent values as {@code -}.
 */
final class LedgerCanonicalForm {

    private LedgerCanonicalForm() {
    }

    static void write(MixnetLedger ledger, BiConsumer<String, String> sink) {
        write(ledger, sink, true);
    }

    /** With {@code withDelegations == false} the {@code delegation/} entries are left out (the rest is identical). */
    static void write(MixnetLedger ledger, BiConsumer<String, String> sink, boolean withDelegations) {
        if (withDelegations) {
            ledger.balances().forEach((account, balance) -> sink.accept("account/" + account, "liquid=" + balance));
            ledger.delegations().forEach((key, d) -> sink.accept("delegation/" + id(key.nodeId()) + "/" + key.owner(),
                    "amount=" + d.amount() + ";ratio=" + d.cumulativeRewardRatio() + ";since_epoch=" + d.sinceEpoch()));
        }
        if (ledger.isInitialized()) {
            LedgerGlobals g = ledger.globals();
            IntervalClock c = g.clock();
            sink.accept("globals/clock", "interval=" + c.intervalId() + ";epoch_in_interval=" + c.epochInInterval()
                    + ";absolute_epoch=" + c.absoluteEpochId() + ";epoch_start=" + c.currentEpochStart()
                    + ";epoch_length_s=" + c.epochLength().toSeconds());
            sink.accept("globals/next-ids", "node=" + g.nextNodeId() + ";pending_event=" + g.nextPendingEventId());
            sink.accept("globals/params", params(g.params()));
            sink.accept("globals/pool-change", "removed=" + g.pendingPoolChange().removed() + ";added=" + g.pendingPoolChange().added());
            sink.accept("globals/settings", "pm_min=" + g.settings().costParamRanges().minProfitMargin()
                    + ";pm_max=" + g.settings().costParamRanges().maxProfitMargin()
                    + ";cost_min=" + g.settings().costParamRanges().minOperatingCost()
                    + ";cost_max=" + g.settings().costParamRanges().maxOperatingCost()
                    + ";minimum_pledge=" + g.settings().minimumPledge());
            if (g.supply() != null) {
                Supply t = g.supply();
                sink.accept("globals/supply", "total=" + t.totalSupply() + ";vesting=" + t.vestingTokens()
                        + ";treasury=" + t.treasury() + ";liquid=" + t.liquid() + ";escrowed=" + t.escrowed()
                        + ";staked=" + t.staked() + ";principal=" + t.principal() + ";dust=" + t.dust()
                        + ";fees=" + t.feesReceived() + ";balances_hash=" + t.balancesHashHex());
            }
        }
        ledger.nodes().forEach((nodeId, n) -> sink.accept("node/" + id(nodeId), bond(n.bond()) + ";" + rewarding(n.rewarding())));
        ledger.pendingEpochEvents().forEach((id, e) -> sink.accept("pending-epoch/" + id(id), epochEvent(e)));
        ledger.pendingIntervalEvents().forEach((id, e) -> sink.accept("pending-interval/" + id(id), intervalEvent(e)));
    }

    private static String id(long value) {
        return String.format("%020d", value);
    }

    private static String params(RewardingParams p) {
        IntervalRewardParams i = p.interval();
        return "pool=" + i.rewardPool() + ";supply=" + i.stakingSupply() + ";scale=" + i.stakingSupplyScaleFactor()
                + ";budget=" + i.epochRewardBudget() + ";saturation=" + i.stakeSaturationPoint()
                + ";alpha=" + i.sybilResistance() + ";work_factor=" + i.activeSetWorkFactor()
                + ";emission=" + i.intervalPoolEmission() + ";" + set(p.rewardedSet())
                + ";epochs_in_interval=" + p.epochsInInterval() + ";" + fees(p.feeIncome());
    }

    private static String set(RewardedSetParams s) {
        return "entry=" + s.entryGateways() + ";exit=" + s.exitGateways() + ";mixnodes=" + s.mixnodes() + ";standby=" + s.standby();
    }

    private static String fees(FeeIncomeParams f) {
        return "fees_enabled=" + f.enabled() + ";fee_reward_share=" + f.rewardShare();
    }

    private static String cost(NodeCostParams c) {
        return "pm=" + c.profitMargin() + ";cost=" + c.intervalOperatingCost();
    }

    private static String bond(NodeBond bond) {
        return switch (bond) {
            case NodeBond.Bonded b -> "stage=bonded;owner=" + b.owner() + ";identity=" + b.identityKey()
                    + ";pledge=" + b.originalPledge() + ";bonded_epoch=" + b.bondedAtEpoch()
                    + ";pending_pledge_change=" + (b.pendingPledgeChange().isPresent() ? b.pendingPledgeChange().getAsLong() : "-");
            case NodeBond.Unbonding u -> "stage=unbonding;owner=" + u.owner() + ";identity=" + u.identityKey()
                    + ";pledge=" + u.originalPledge() + ";bonded_epoch=" + u.bondedAtEpoch() + ";unbond_event=" + u.unbondEventId();
            case NodeBond.Unbonded u -> "stage=unbonded;owner=" + u.formerOwner() + ";unbonded_epoch=" + u.unbondedAtEpoch();
        };
    }

    private static String rewarding(NodeRewarding r) {
        return cost(r.costParams()) + ";operator=" + r.operator() + ";delegates=" + r.delegates()
                + ";unit_reward=" + r.totalUnitReward() + ";unit_delegation=" + r.unitDelegation()
                + ";last_rewarded_epoch=" + r.lastRewardedEpoch() + ";delegations=" + r.uniqueDelegations();
    }

    private static String epochEvent(PendingEpochEvent e) {
        String head = "created=" + e.createdAt() + ";";
        return head + switch (e) {
            case PendingEpochEvent.DelegationRequest p -> "kind=delegate;owner=" + p.owner() + ";node=" + p.nodeId() + ";amount=" + p.amount();
            case PendingEpochEvent.UndelegationRequest p -> "kind=undelegate;owner=" + p.owner() + ";node=" + p.nodeId();
            case PendingEpochEvent.PledgeIncrease p -> "kind=pledge_more;node=" + p.nodeId() + ";amount=" + p.amount();
            case PendingEpochEvent.PledgeDecrease p -> "kind=decrease_pledge;node=" + p.nodeId() + ";amount=" + p.amount();
            case PendingEpochEvent.UnbondRequest p -> "kind=unbond;node=" + p.nodeId();
            case PendingEpochEvent.ActiveSetChange p -> "kind=active_set;" + activeSet(p.update());
        };
    }

    private static String activeSet(ActiveSetUpdate u) {
        return "entry=" + u.entryGateways() + ";exit=" + u.exitGateways() + ";mixnodes=" + u.mixnodes();
    }

    private static String intervalEvent(PendingIntervalEvent e) {
        String head = "created=" + e.createdAt() + ";";
        return head + switch (e) {
            case PendingIntervalEvent.CostParamsChange p -> "kind=cost_params;node=" + p.nodeId() + ";" + cost(p.costParams());
            case PendingIntervalEvent.RewardingParamsChange p -> "kind=rewarding_params;" + update(p.update());
            case PendingIntervalEvent.IntervalConfigChange p -> "kind=interval_config;epochs_in_interval=" + p.epochsInInterval()
                    + ";epoch_length_s=" + p.epochLength().toSeconds();
        };
    }

    private static String update(RewardingParamsUpdate u) {
        return "pool=" + opt(u.rewardPool()) + ";supply=" + opt(u.stakingSupply()) + ";scale=" + opt(u.stakingSupplyScaleFactor())
                + ";alpha=" + opt(u.sybilResistance()) + ";work_factor=" + opt(u.activeSetWorkFactor())
                + ";emission=" + opt(u.intervalPoolEmission())
                + ";set=" + (u.rewardedSet() == null ? "-" : set(u.rewardedSet()).replace(';', ','))
                + ";fees=" + (u.feeIncome() == null ? "-" : fees(u.feeIncome()).replace(';', ','));
    }

    private static String opt(Object value) {
        return value == null ? "-" : value.toString();
    }
}
