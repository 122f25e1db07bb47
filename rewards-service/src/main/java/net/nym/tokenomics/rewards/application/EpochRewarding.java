package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.Supply;
import net.nym.tokenomics.rewards.domain.SupplyCheck;
import net.nym.tokenomics.rewards.domain.NodeRecord;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetRole;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.WorkFactors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turning an epoch's recorded inputs into {@code CloseEpoch}, and its outcome into the published integration events.
 * Public so that an auditor can recompute an epoch from the inputs read off Kafka with exactly the service's rules.
 */
public final class EpochRewarding {

    private EpochRewarding() {
    }

    /**
     * Work factors from the set sizes (nym-api's rule, {@link WorkFactors#rewardingInput}); performance per node from
     * the performance event (a node it does not list gets 0); fee income, per gateway, {@code floor(redeemed_value)}
     * uNYM from the usage event, used only when the fee-income extension is enabled. The ledger's time is logical: the
     * epoch is closed at its own end.
     */
    public static LedgerCommand.CloseEpoch closeCommand(MixnetLedger ledger, long epoch, EpochInputs in) {
        IntegrationEvents.RewardedSetSelected set = in.rewardedSet().input();
        TreeMap<Long, RewardedSetRole> roles = new TreeMap<>();
        set.entryGateways().forEach(id -> roles.put(id, RewardedSetRole.ENTRY_GATEWAY));
        set.exitGateways().forEach(id -> roles.put(id, RewardedSetRole.EXIT_GATEWAY));
        set.layer1().forEach(id -> roles.put(id, RewardedSetRole.LAYER1));
        set.layer2().forEach(id -> roles.put(id, RewardedSetRole.LAYER2));
        set.layer3().forEach(id -> roles.put(id, RewardedSetRole.LAYER3));
        set.standby().forEach(id -> roles.put(id, RewardedSetRole.STANDBY));
        Map<Long, Percent> performance = new HashMap<>();
        for (IntegrationEvents.NodePerformance p : in.performance().input().nodes()) {
            performance.put(p.nodeId(), p.performance());
        }
        RewardingParams params = ledger.globals().params();
        List<RewardedNode> input = new ArrayList<>();
        if (!roles.isEmpty()) {
            for (RewardedNode node : WorkFactors.rewardingInput(params, roles, performance)) {
                // A node bonded during this very epoch cannot be rewarded in it (the contract refuses that one node's
                // reward, nym-api moves on): it is left out instead of refusing the whole epoch.
                boolean bondedThisEpoch = ledger.node(node.nodeId())
                        .map(n -> n.bond().holdsPledge() && n.rewarding().lastRewardedEpoch() == epoch).orElse(false);
                if (!bondedThisEpoch) {
                    input.add(node);
                }
            }
        }
        Optional<FeeIncome> fees = Optional.empty();
        if (params.feeIncome().enabled()) {
            List<FeeIncome.GatewayFees> gateways = new ArrayList<>();
            for (IntegrationEvents.GatewayUsage g : in.usage().input().gateways()) {
                gateways.add(new FeeIncome.GatewayFees(g.nodeId(), new Unym(g.redeemedValue().floorToInteger())));
            }
            fees = Optional.of(new FeeIncome(epoch, gateways));
        }
        return new LedgerCommand.CloseEpoch(ledger.globals().clock().currentEpochEnd(), epoch, input, fees);
    }

    /**
     * EpochRewarded, IntervalRolledOver (when it happened), NodeUnbonded (each), StakeSnapshotTaken: in this order.
     * {@code ledger} is the state after {@code events} were applied.
     */
    public static List<Object> publications(MixnetLedger ledger, long epoch, List<LedgerEvent> events) {
        SupplyCheck.problem(ledger).ifPresent(problem -> {
            throw new IllegalStateException("the supply equation fails after closing epoch " + epoch + ": " + problem);
        });
        List<Object> out = new ArrayList<>();
        LedgerEvent.EpochRewarded rewarded = (LedgerEvent.EpochRewarded) events.getFirst();
        List<IntegrationEvents.NodeReward> nodes = new ArrayList<>(rewarded.nodes().size());
        for (LedgerEvent.NodeEpochResult r : rewarded.nodes()) {
            if (r instanceof LedgerEvent.NodeRewarded n) {
                nodes.add(new IntegrationEvents.NodeReward(n.nodeId(), n.performance(), n.workFactor(), n.split().nodeReward(),
                        n.split().operator(), n.split().delegates()));
            } else {
                nodes.add(new IntegrationEvents.NodeReward(r.nodeId(), r.performance(), r.workFactor(), Decimal.ZERO,
                        Decimal.ZERO, Decimal.ZERO));
            }
        }
        out.add(new IntegrationEvents.EpochRewarded(epoch, rewarded.budget().total(), rewarded.distributed(), rewarded.unclaimed(),
                nodes, stateDigest(ledger), supplyFigures(ledger, epoch)));
        for (LedgerEvent e : events) {
            if (e instanceof LedgerEvent.IntervalRolledOver r) {
                RewardingParams p = r.paramsAfter();
                out.add(new IntegrationEvents.IntervalRolledOver(r.intervalId(), p.interval().rewardPool(), p.interval().stakingSupply(),
                        p.epochRewardBudget(), p.stakeSaturationPoint()));
            }
        }
        for (LedgerEvent e : events) {
            if (e instanceof LedgerEvent.NodeUnbonded u) {
                out.add(new IntegrationEvents.NodeUnbonded(u.nodeId(), u.epoch()));
            }
        }
        RewardingParams p = ledger.globals().params();
        List<IntegrationEvents.NodeStake> stakes = new ArrayList<>();
        for (NodeRecord n : ledger.nodes().values()) {
            if (n.bond().holdsPledge()) {
                stakes.add(new IntegrationEvents.NodeStake(n.nodeId(), n.bond().owner(), n.rewarding().operator(),
                        n.rewarding().delegates(), n.rewarding().bondSaturation(p.stakeSaturationPoint())));
            }
        }
        out.add(new IntegrationEvents.StakeSnapshotTaken(epoch, p.stakeSaturationPoint(), p.rewardedSet().entryGateways(),
                p.rewardedSet().exitGateways(), p.rewardedSet().mixnodes(), p.rewardedSet().standby(), stakes));
        return out;
    }

    /** The supply figures of a funded ledger (checked by the caller with {@link SupplyCheck}), or null. */
    public static IntegrationEvents.SupplyFigures supplyFigures(MixnetLedger ledger, long epoch) {
        if (!ledger.globals().funded()) {
            return null;
        }
        Supply s = ledger.globals().supply();
        return new IntegrationEvents.SupplyFigures(s.totalSupply(), s.liquid(), s.escrowed(), s.principal(), s.accruedRewards(),
                Supply.rewardPool(ledger.globals()), s.dust(), s.feesReceived());
    }

    /**
     * The state digest published with each epoch: SHA-256 ({@link StateDigest}) of the ledger's canonical entries for
     * the globals, every node (bond stage, owner, pledge, cost params, O, D, T, U, last rewarded epoch and the number of
     * delegations) and every queued epoch/interval event. Individual delegations ({@code A}, {@code S}) are left out to
     * keep it O(nodes): they change only through their own logged events, and any difference in them shows up in the
     * node's {@code D} or delegation count.
     */
    public static String stateDigest(MixnetLedger ledger) {
        TreeMap<String, String> entries = new TreeMap<>();
        ledger.forEachCanonicalEntryWithoutDelegations(entries::put);
        return StateDigest.of(entries);
    }
}
