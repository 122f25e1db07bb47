package net.nym.tokenomics.eventlog.contracts;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.store.EventCodec;

import java.time.Instant;
import java.util.List;

/**
 * The integration events: versioned records shared by the producing service and its consumers. They are evolved
 * additively only (new optional fields, new types); a breaking change is a new type name. Each record names its topic,
 * type and schema version. Amounts are uNYM strings, ratios and balances contract Decimals (strings).
 */
public final class IntegrationEvents {

    private IntegrationEvents() {
    }

    /**
     * Every integration event, by producer: the sealed hierarchy consumers derive their type filters from
     * ({@link #types}) and the compiler checks their switches against.
     */
    public sealed interface Event permits SelectionEvent, PerformanceEvent, TicketLedgerEvent, RewardsEvent {
    }

    /** Published by selection-service on {@link Topics#SELECTION}. */
    public sealed interface SelectionEvent extends Event permits EpochEnded, EpochStarted, RewardedSetSelected {
    }

    /** Published by performance-service on {@link Topics#PERFORMANCE}. */
    public sealed interface PerformanceEvent extends Event permits EpochPerformanceComputed {
    }

    /** Published by ticket-ledger-service on {@link Topics#TICKET_LEDGER}. */
    public sealed interface TicketLedgerEvent extends Event permits EpochUsageClosed {
    }

    /** Published by rewards-service on {@link Topics#REWARDS}. */
    public sealed interface RewardsEvent extends Event permits NodeBonded, NodeUnbonded, StakeSnapshotTaken, EpochRewarded,
            IntervalRolledOver {
    }

    private static final EventCodec CODEC = codec();

    /** The type names of these integration events: a consumer's filter, derived from the records it handles. */
    @SafeVarargs
    public static java.util.Set<String> types(Class<? extends Event>... handled) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Class<? extends Event> c : handled) {
            out.add(CODEC.typeOf(c));
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The default topic of an event's producer (a deployment may prefix or rename it: see the services' topics config). */
    public static String topicOf(Class<? extends Event> type) {
        if (SelectionEvent.class.isAssignableFrom(type)) {
            return Topics.SELECTION;
        }
        if (PerformanceEvent.class.isAssignableFrom(type)) {
            return Topics.PERFORMANCE;
        }
        if (TicketLedgerEvent.class.isAssignableFrom(type)) {
            return Topics.TICKET_LEDGER;
        }
        return Topics.REWARDS;
    }

    /** Declared roles of a node, as nym-api derives them from the node's self-description or its bond. */
    public record NodeRoles(boolean mixnode, boolean entry, boolean exit) { }

    // ------------------------------------------------------------------ selection-service (Topics.SELECTION)

    /** Epoch {@code epochId} (absolute) is over. The last epoch of an interval has {@code lastInInterval}. */
    public record EpochEnded(long epochId, long intervalId, int epochInInterval, Instant start, Instant end,
                             boolean lastInInterval) implements SelectionEvent {
        public static final String TYPE = "EpochEnded";
        public static final int VERSION = 1;
    }

    /** Epoch {@code epochId} has begun, with its rewarded set already selected. */
    public record EpochStarted(long epochId, long intervalId, int epochInInterval, Instant start, Instant end) implements SelectionEvent {
        public static final String TYPE = "EpochStarted";
        public static final int VERSION = 1;
    }

    /** The rewarded set for {@code epochId}, node ids ascending in each list, with the selection proof's digest. */
    public record RewardedSetSelected(long epochId, List<Long> entryGateways, List<Long> exitGateways, List<Long> layer1,
                                      List<Long> layer2, List<Long> layer3, List<Long> standby, String seed,
                                      String proofDigest) implements SelectionEvent {
        public static final String TYPE = "RewardedSetSelected";
        public static final int VERSION = 1;
    }

    // ------------------------------------------------------------------ performance-service (Topics.PERFORMANCE)

    public record NodePerformance(long nodeId, Percent performance, double routingScore, double configScore,
                                  int measurementCount, List<String> reasons) { }

    /** Per-node performance of epoch {@code epochId}, one entry per bonded node, sorted by node id. */
    public record EpochPerformanceComputed(long epochId, Instant windowStart, Instant windowEnd, List<NodePerformance> nodes,
                                           String stateDigest) implements PerformanceEvent {
        public static final String TYPE = "EpochPerformanceComputed";
        public static final int VERSION = 1;
    }

    // ------------------------------------------------------------------ ticket-ledger-service (Topics.TICKET_LEDGER)

    public record GatewayUsage(long nodeId, long tickets, long bandwidthBytes, Decimal redeemedValue) { }

    /** Ticket usage of epoch {@code epochId}, per gateway sorted by node id; fee income = total redeemed value in uNYM. */
    public record EpochUsageClosed(long epochId, List<GatewayUsage> gateways, long totalTickets, Decimal feeIncome,
                                   String stateDigest) implements TicketLedgerEvent {
        public static final String TYPE = "EpochUsageClosed";
        public static final int VERSION = 1;
    }

    // ------------------------------------------------------------------ rewards-service (Topics.REWARDS)

    /** A node was bonded: the registry fact the other services key their work on. */
    public record NodeBonded(long nodeId, String owner, String identityKey, String host, Integer httpPort, NodeRoles roles,
                             Unym pledge, long bondedInEpoch) implements RewardsEvent {
        public static final String TYPE = "NodeBonded";
        public static final int VERSION = 1;
    }

    public record NodeUnbonded(long nodeId, long unbondedInEpoch) implements RewardsEvent {
        public static final String TYPE = "NodeUnbonded";
        public static final int VERSION = 1;
    }

    public record NodeStake(long nodeId, String owner, Decimal operator, Decimal delegates, Decimal saturation) { }

    /**
     * Stake of every bonded node after epoch {@code epochId}'s rewarding and reconciliation: the input to the selection
     * of epoch {@code epochId + 1}. Sizes of the rewarded set come with it, from the reward parameters in force.
     */
    public record StakeSnapshotTaken(long epochId, Decimal stakeSaturationPoint, int entryGateways, int exitGateways,
                                     int mixnodes, int standby, List<NodeStake> nodes) implements RewardsEvent {
        public static final String TYPE = "StakeSnapshotTaken";
        public static final int VERSION = 1;
    }

    public record NodeReward(long nodeId, Percent performance, Decimal workFactor, Decimal reward, Decimal operatorReward,
                             Decimal delegatesReward) { }

    /**
     * Where every token is after a closing (issue 15): {@code total_supply + fees_received = liquid + escrowed + staked
     * + accrued_rewards + reward_pool + dust}, exactly, checked by rewards-service before it published this.
     *
     * @param staked          pledges and delegations (principal)
     * @param accruedRewards  rewards on nodes not withdrawn yet
     * @param escrowed        tokens held by queued delegations and pledge increases
     * @param dust            fractions below 1 uNYM that truncating payouts left behind
     */
    public record SupplyFigures(Unym totalSupply, Unym liquid, Unym escrowed, Unym staked, Decimal accruedRewards,
                                Decimal rewardPool, Decimal dust, Unym feesReceived) { }

    /**
     * Epoch {@code epochId} was rewarded: budget = Σ rewards + unclaimed, with the resulting state's digest and, in a
     * funded ledger, the supply figures after it ({@code null}, and absent from the JSON, in logs from before accounts,
     * so that their events re-encode byte for byte).
     */
    public record EpochRewarded(long epochId, Decimal budget, Decimal distributed, Decimal unclaimed, List<NodeReward> nodes,
                                String stateDigest,
                                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                SupplyFigures supply) implements RewardsEvent {
        public static final String TYPE = "EpochRewarded";
        public static final int VERSION = 1;
    }

    /** The interval ended: pool and staking supply rolled over, budget and saturation point recomputed. */
    public record IntervalRolledOver(long intervalId, Decimal rewardPool, Decimal stakingSupply, Decimal epochRewardBudget,
                                     Decimal stakeSaturationPoint) implements RewardsEvent {
        public static final String TYPE = "IntervalRolledOver";
        public static final int VERSION = 1;
    }

    /** A codec that knows every integration event (consumers use it to decode what they read). */
    public static EventCodec codec() {
        return new EventCodec()
                .register(EpochEnded.TYPE, EpochEnded.VERSION, EpochEnded.class)
                .register(EpochStarted.TYPE, EpochStarted.VERSION, EpochStarted.class)
                .register(RewardedSetSelected.TYPE, RewardedSetSelected.VERSION, RewardedSetSelected.class)
                .register(EpochPerformanceComputed.TYPE, EpochPerformanceComputed.VERSION, EpochPerformanceComputed.class)
                .register(EpochUsageClosed.TYPE, EpochUsageClosed.VERSION, EpochUsageClosed.class)
                .register(NodeBonded.TYPE, NodeBonded.VERSION, NodeBonded.class)
                .register(NodeUnbonded.TYPE, NodeUnbonded.VERSION, NodeUnbonded.class)
                .register(StakeSnapshotTaken.TYPE, StakeSnapshotTaken.VERSION, StakeSnapshotTaken.class)
                .register(EpochRewarded.TYPE, EpochRewarded.VERSION, EpochRewarded.class)
                .register(IntervalRolledOver.TYPE, IntervalRolledOver.VERSION, IntervalRolledOver.class);
    }
}
