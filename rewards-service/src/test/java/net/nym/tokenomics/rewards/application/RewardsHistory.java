package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.store.EventLogSchema;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A rewards log on a schema of its own (the event-log tables and the service's migrations), written through the
 * service's {@link LedgerService}: genesis, bonds (with their published {@code NodeBonded}), delegations, and epochs
 * closed from the four recorded inputs, as the consumer records them. Epochs are an hour long, {@value #EPOCHS_IN_INTERVAL}
 * to an interval, the rewarded set 2 entry, 2 exit, 3 mix nodes and 1 standby. For the snapshot test and the
 * start-up benchmark.
 */
final class RewardsHistory {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    static final int EPOCHS_IN_INTERVAL = 4;

    /** The wall clock, kept where the test puts it (the service keeps commands inside the current epoch anyway). */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final DataSource dataSource;
    final MovableClock clock = new MovableClock(T0.plusSeconds(1));
    final List<Long> nodes = new ArrayList<>();

    RewardsHistory(String schemaPrefix) {
        String schema = (schemaPrefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
        org.postgresql.ds.PGSimpleDataSource direct = new org.postgresql.ds.PGSimpleDataSource();
        direct.setUrl(LocalInfra.jdbcUrl("eventlog_test"));
        direct.setUser(LocalInfra.env("PG_USER", "tokenomics"));
        direct.setPassword(LocalInfra.env("PG_PASSWORD", "tokenomics"));
        EventLogSchema.migrate(direct, schema, "classpath:db/migration");
        this.dataSource = LocalInfra.dataSource("eventlog_test", schema);
    }

    /** A service as a (re)start makes it: both folds caught up (from snapshots, if {@code every} > 0 and there are). */
    LedgerService start(long every) {
        LedgerService s = new LedgerService(dataSource, null, clock, LedgerView::new, every);
        s.catchUp();
        return s;
    }

    /** Genesis, then {@code n} bonded nodes. */
    void genesis(LedgerService s, int n) {
        RewardingParams params = RewardingParams.initial(Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L),
                Percent.fromPercentageValue(50), Percent.fromPercentageValue(30), Decimal.of(10),
                Percent.fromPercentageValue(2), new RewardedSetParams(2, 2, 3, 1), EPOCHS_IN_INTERVAL,
                FeeIncomeParams.DISABLED);
        s.execute(new LedgerCommand.InitializeLedger(clock.instant(), params, ContractSettings.DEFAULT, T0,
                Duration.ofHours(1), LedgerCommand.GenesisAllocation.treasuryHolding(
                        net.nym.tokenomics.eventlog.decimal.Unym.TOKEN_SUPPLY.amount(), params.interval().rewardPool(), TREASURY)),
                LedgerService.Publications.NONE);
        for (int i = 0; i < n; i++) {
            int k = nodes.size();
            fund(s, "op" + k, 100_000_000_000L + 1_000_000L * k);
            List<LedgerEvent> events = s.execute(new LedgerCommand.BondNode(s.commandTime(), "op" + k, "identity" + k,
                    BigInteger.valueOf(100_000_000_000L + 1_000_000L * k),
                    new LedgerCommand.CostParamsInput(Decimal.percent(10 + k % 20), BigInteger.valueOf(40_000_000)),
                    s.read(v -> v.ledger().globals().nextNodeId())),
                    evs -> evs.stream().filter(e -> e instanceof LedgerEvent.NodeBonded)
                            .map(e -> (Object) s.nodeBondedFact((LedgerEvent.NodeBonded) e, "node" + k + ".example", 8080,
                                    new IntegrationEvents.NodeRoles(k % 3 == 0, k % 3 != 0, k % 3 == 2))).toList());
            nodes.add(((LedgerEvent.NodeBonded) events.getFirst()).nodeId());
        }
    }

    /** The genesis account that funds the others. */
    static final String TREASURY = "treasury";

    /** Moves {@code amount} from the treasury to {@code account}. */
    void fund(LedgerService s, String account, long amount) {
        s.execute(new LedgerCommand.Transfer(s.commandTime(), TREASURY, account, BigInteger.valueOf(amount)),
                LedgerService.Publications.NONE);
    }

    void delegate(LedgerService s, String delegator, long node, long amount) {
        fund(s, delegator, amount);
        s.execute(new LedgerCommand.Delegate(s.commandTime(), delegator, node, BigInteger.valueOf(amount)),
                LedgerService.Publications.NONE);
    }

    /** The four inputs of the ledger's current epoch, recorded; then the epoch closed. */
    void closeEpoch(LedgerService s) {
        long e = s.read(v -> v.ledger().globals().currentEpoch());
        recordInputs(s, e);
        clock.set(T0.plus(Duration.ofHours(e + 1)).plusSeconds(1));
        if (s.closeReadyEpochs() != 1) {
            throw new IllegalStateException("epoch " + e + " was not closed");
        }
    }

    /** Records epoch {@code e}'s inputs as the consumer does (a set from the first eight nodes, shifted each epoch). */
    void recordInputs(LedgerService s, long e) {
        Instant start = T0.plus(Duration.ofHours(e));
        List<Long> set = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            set.add(nodes.get((int) ((i + e) % nodes.size())));
        }
        List<IntegrationEvents.NodePerformance> performance = nodes.stream().map(id -> new IntegrationEvents.NodePerformance(
                id, Percent.fromPercentageValue(80 + (id + e) % 20), 0.9, 1, 1, List.of())).toList();
        List<RecordedInput> inputs = List.of(
                new RecordedInput.EpochEndedRecorded(UUID.randomUUID(), new IntegrationEvents.EpochEnded(e,
                        e / EPOCHS_IN_INTERVAL, (int) (e % EPOCHS_IN_INTERVAL), start, start.plus(Duration.ofHours(1)),
                        e % EPOCHS_IN_INTERVAL == EPOCHS_IN_INTERVAL - 1)),
                new RecordedInput.RewardedSetRecorded(UUID.randomUUID(), new IntegrationEvents.RewardedSetSelected(e,
                        set.subList(0, 2), set.subList(2, 4), set.subList(4, 5), set.subList(5, 6), set.subList(6, 7),
                        set.subList(7, 8), "seed" + e, "proof" + e)),
                new RecordedInput.PerformanceRecorded(UUID.randomUUID(), new IntegrationEvents.EpochPerformanceComputed(e,
                        start, start.plus(Duration.ofHours(1)), performance, "performance" + e)),
                new RecordedInput.UsageRecorded(UUID.randomUUID(),
                        new IntegrationEvents.EpochUsageClosed(e, List.of(), 0, Decimal.ZERO, "usage" + e)));
        for (RecordedInput input : inputs) {
            StoredEvent source = new StoredEvent(0, 0, input.sourceEventId(), "input", 1, "input", 1, "{}", Map.of(), start);
            Transactions.inTransaction(dataSource, c -> s.recordInput(c, source, input, "test"));
        }
    }
}
