package net.nym.tokenomics.simulator.benchmark.year;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.rewards.application.EpochRewarding;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.config.RewardsConfig;
import net.nym.tokenomics.rewards.domain.ContractSettings;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.persistence.RecordedInput;

import javax.sql.DataSource;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A mainnet-like year of the rewards ledger written through rewards-service's own {@link LedgerService}: the account
 * commands the REST resources execute (bond with the published {@code NodeBonded}, delegate, undelegate), the four
 * epoch inputs recorded as the Kafka consumer records them ({@link LedgerService#recordInput}, here the four in one
 * transaction), and the closing the scheduler runs ({@link LedgerService#closeReadyEpochs}). So the log, its history
 * rows and its digests are exactly the service's.
 *
 * <p>Shape: {@code nodes} bonded in epoch 0, a third gateways (entry and exit), the rest mixnodes, one per
 * owner (the contract allows one bonded node per account); each epoch a fresh rewarded set of 50 entry, 70 exit and 120 mixnodes (40 per layer, the service's default
 * shape); a performance of 80..100 % for every node; small ticket counts for the rewarded gateways (fee income is off by
 * default, so they are recorded, not paid); {@value #ARRIVALS} delegations arrive every epoch and, once
 * {@value #LIVE_TARGET} are live, as many are undelegated (before that, one per epoch). Seeded: the same arguments give
 * the same log content (event ids and times aside).
 */
final class RewardsYear {

    static final int ARRIVALS = 3;
    static final int LIVE_TARGET = 5_000;
    private static final int DELEGATORS = 3_000;
    private static final String TREASURY = "n1yeartreasury";
    /** Each delegator's genesis balance: 50,000 NYM (its live delegations rarely need more; the treasury tops up). */
    private static final BigInteger DELEGATOR_FUNDS = BigInteger.valueOf(50_000_000_000L);

    private final DataSource dataSource;
    private final RewardsConfig config = ConfigDefaults.of(RewardsConfig.class);
    private final LedgerService ledger;
    private final Random random;
    private final List<Long> gateways = new ArrayList<>();
    private final List<Long> mixnodes = new ArrayList<>();
    // delegator index and node of each live delegation (for undelegating at random), and every pair that is live or
    // queued for removal (not delegated again before its removal applies)
    private final List<long[]> live = new ArrayList<>();
    private final Set<Long> occupied = new HashSet<>();
    private final List<Long> leaving = new ArrayList<>();
    private long nextDelegator;

    RewardsYear(DataSource dataSource, long seed) {
        this.dataSource = dataSource;
        this.ledger = new LedgerService(dataSource, config, Clock.systemUTC());
        this.random = new Random(seed);
    }

    /**
     * Records the genesis from the service's default configuration, as the service does into an empty log: the
     * delegators funded (issue 15), the rest of the default total supply less the pool in the treasury, which funds
     * each operator's pledge by transfer as it bonds.
     */
    void initialize() {
        RewardsConfig.Genesis g = config.genesis();
        RewardingParams params = RewardingParams.initial(Decimal.parse(g.rewardPool()), Decimal.parse(g.stakingSupply()),
                Percent.fromPercentageValue(g.stakingSupplyScaleFactorPercent()),
                Percent.fromPercentageValue(g.sybilResistancePercent()), Decimal.parse(g.activeSetWorkFactor()),
                Percent.fromPercentageValue(g.intervalPoolEmissionPercent()),
                new RewardedSetParams(g.entryGateways(), g.exitGateways(), g.mixnodes(), g.standby()), g.epochsInInterval(),
                FeeIncomeParams.DISABLED);
        Map<String, BigInteger> delegators = new java.util.TreeMap<>();
        for (long d = 0; d < DELEGATORS; d++) {
            delegators.put(delegator(d), DELEGATOR_FUNDS);
        }
        ledger.execute(new LedgerCommand.InitializeLedger(Instant.now(), params, ContractSettings.DEFAULT,
                g.firstEpochStart(), g.epochLength(), LedgerCommand.GenesisAllocation.withAccounts(
                        new BigInteger(g.totalSupply()), Decimal.parse(g.rewardPool()), TREASURY, delegators)),
                LedgerService.Publications.NONE);
    }

    /** Bonds {@code count} nodes in the current epoch, as {@code POST /v1/nodes} does once the identity signature has verified. */
    void bond(int count) {
        for (int i = 0; i < count; i++) {
            boolean gateway = i % 3 == 0;
            String host = "node" + i + ".year.example";
            IntegrationEvents.NodeRoles roles = new IntegrationEvents.NodeRoles(!gateway, gateway, gateway);
            String owner = "n1yearoperator" + i;
            BigInteger pledge = BigInteger.valueOf((100_000L + random.nextInt(900_000)) * 1_000_000L);
            ledger.execute(new LedgerCommand.Transfer(ledger.commandTime(), TREASURY, owner, pledge), LedgerService.Publications.NONE);
            LedgerCommand.BondNode command = new LedgerCommand.BondNode(ledger.commandTime(), owner,
                    "yearidentity" + i, pledge,
                    new LedgerCommand.CostParamsInput(Decimal.percent(5 + random.nextInt(16)), BigInteger.valueOf(40_000_000)),
                    ledger.read(v -> v.ledger().globals().nextNodeId()));
            List<LedgerEvent> events = ledger.execute(command, evs -> evs.stream()
                    .filter(e -> e instanceof LedgerEvent.NodeBonded)
                    .map(e -> (Object) ledger.nodeBondedFact((LedgerEvent.NodeBonded) e, host, 8080, roles))
                    .toList());
            long nodeId = ((LedgerEvent.NodeBonded) events.getFirst()).nodeId();
            (gateway ? gateways : mixnodes).add(nodeId);
        }
    }

    /** The delegations of one epoch, then its four inputs, then its closing; returns the ledger version after it. */
    long epoch(long epoch) {
        delegations();
        recordInputs(epoch);
        int closed = ledger.closeReadyEpochs();
        if (closed != 1) {
            throw new IllegalStateException("epoch " + epoch + " was not closed (" + closed + ")");
        }
        leaving.forEach(occupied::remove);
        leaving.clear();
        return ledger.read(v -> v.ledgerVersion());
    }

    /** The digest the service publishes with each epoch, of the state now. */
    String stateDigest() {
        return ledger.read(v -> EpochRewarding.stateDigest(v.ledger()));
    }

    int liveDelegations() {
        return live.size();
    }

    private void delegations() {
        int departures = live.size() >= LIVE_TARGET ? ARRIVALS : 1;
        for (int i = 0; i < departures && !live.isEmpty(); i++) {
            int at = random.nextInt(live.size());
            long[] d = live.get(at);
            live.set(at, live.getLast());
            live.removeLast();
            ledger.execute(new LedgerCommand.Undelegate(ledger.commandTime(), delegator(d[0]), d[1]),
                    LedgerService.Publications.NONE);
            leaving.add(pair(d[0], d[1]));
        }
        List<Long> nodes = new ArrayList<>(gateways);
        nodes.addAll(mixnodes);
        for (int i = 0; i < ARRIVALS; i++) {
            long who = nextDelegator++ % DELEGATORS;
            long node = nodes.get(random.nextInt(nodes.size()));
            while (occupied.contains(pair(who, node))) {
                node = nodes.get(random.nextInt(nodes.size()));
            }
            BigInteger amount = BigInteger.valueOf((10L + random.nextInt(10_000)) * 1_000_000L);
            BigInteger liquid = ledger.read(v -> v.ledger().balance(delegator(who)).amount());
            if (liquid.compareTo(amount) < 0) {
                ledger.execute(new LedgerCommand.Transfer(ledger.commandTime(), TREASURY, delegator(who), DELEGATOR_FUNDS),
                        LedgerService.Publications.NONE);
            }
            ledger.execute(new LedgerCommand.Delegate(ledger.commandTime(), delegator(who), node, amount),
                    LedgerService.Publications.NONE);
            live.add(new long[]{who, node});
            occupied.add(pair(who, node));
        }
    }

    private void recordInputs(long epoch) {
        RewardsConfig.Genesis g = config.genesis();
        Instant start = g.firstEpochStart().plus(g.epochLength().multipliedBy(epoch));
        Instant end = start.plus(g.epochLength());
        int perInterval = g.epochsInInterval();
        List<Long> gw = shuffled(gateways);
        List<Long> mix = shuffled(mixnodes).subList(0, g.mixnodes());
        int layer = g.mixnodes() / 3;
        List<Long> entry = sorted(gw.subList(0, g.entryGateways()));
        List<Long> exit = sorted(gw.subList(g.entryGateways(), g.entryGateways() + g.exitGateways()));
        List<IntegrationEvents.NodePerformance> performance = new ArrayList<>();
        for (long id : sorted(concat(gateways, mixnodes))) {
            int p = 80 + random.nextInt(21);
            performance.add(new IntegrationEvents.NodePerformance(id, Percent.fromPercentageValue(p), p / 100.0, 1.0, 12,
                    List.of()));
        }
        List<IntegrationEvents.GatewayUsage> usage = new ArrayList<>();
        long tickets = 0;
        for (long id : sorted(concat(entry, exit))) {
            int t = 1 + random.nextInt(20);
            tickets += t;
            usage.add(new IntegrationEvents.GatewayUsage(id, t, t * 1_048_576L, Decimal.of(t)));
        }
        List<RecordedInput> inputs = List.of(
                new RecordedInput.EpochEndedRecorded(UUID.randomUUID(), new IntegrationEvents.EpochEnded(epoch,
                        epoch / perInterval, (int) (epoch % perInterval), start, end, epoch % perInterval == perInterval - 1)),
                new RecordedInput.RewardedSetRecorded(UUID.randomUUID(), new IntegrationEvents.RewardedSetSelected(epoch,
                        entry, exit, sorted(mix.subList(0, layer)), sorted(mix.subList(layer, 2 * layer)),
                        sorted(mix.subList(2 * layer, 3 * layer)), List.of(), "year-seed-" + epoch, "year-proof-" + epoch)),
                new RecordedInput.PerformanceRecorded(UUID.randomUUID(), new IntegrationEvents.EpochPerformanceComputed(epoch,
                        start, end, performance, "year-performance-" + epoch)),
                new RecordedInput.UsageRecorded(UUID.randomUUID(), new IntegrationEvents.EpochUsageClosed(epoch, usage, tickets,
                        Decimal.of(tickets), "year-usage-" + epoch)));
        Transactions.inTransaction(dataSource, c -> {
            for (RecordedInput input : inputs) {
                StoredEvent source = new StoredEvent(0, 0, input.sourceEventId(), "year", 1, type(input), 1, "{}", Map.of(), end);
                ledger.recordInput(c, source, input, "rewards-service-epoch-inputs");
            }
            return null;
        });
    }

    private static String type(RecordedInput input) {
        return switch (input) {
            case RecordedInput.EpochEndedRecorded r -> IntegrationEvents.EpochEnded.TYPE;
            case RecordedInput.RewardedSetRecorded r -> IntegrationEvents.RewardedSetSelected.TYPE;
            case RecordedInput.PerformanceRecorded r -> IntegrationEvents.EpochPerformanceComputed.TYPE;
            case RecordedInput.UsageRecorded r -> IntegrationEvents.EpochUsageClosed.TYPE;
        };
    }

    private List<Long> shuffled(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static List<Long> sorted(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return copy;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String delegator(long index) {
        return "n1yeardelegator" + index;
    }

    private static long pair(long delegator, long node) {
        return delegator * 1_000_000L + node;
    }
}
