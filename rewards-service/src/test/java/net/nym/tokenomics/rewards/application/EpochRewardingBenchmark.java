package net.nym.tokenomics.rewards.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.rewards.domain.ContractSettings;
import net.nym.tokenomics.rewards.domain.Decision;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.LedgerDecider;
import net.nym.tokenomics.rewards.domain.LedgerEvent;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.persistence.LedgerLog;
import net.nym.tokenomics.rewards.persistence.RecordedInput;

import javax.sql.DataSource;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Rewards one epoch for 10,000 nodes with 1,000,000 delegations through the application layer — compute (decide),
 * evolve, digest and build the integration events, append everything in one transaction, then publish it to Kafka with
 * the outbox relay — against the local PostgreSQL and Kafka, and prints the timings. Not a test: run with
 * <pre>
 * mvn -o -pl rewards-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=net.nym.tokenomics.rewards.application.EpochRewardingBenchmark [-Dexec.args="10000 1000000"]
 * </pre>
 * The set-up (bonds and delegations) is folded in memory and not stored: only the measured epoch is written.
 */
public final class EpochRewardingBenchmark {

    private EpochRewardingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int delegations = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        DataSource dataSource = LocalInfra.freshSchema("rewards_bench");
        String topic = "rewards-bench-" + UUID.randomUUID().toString().substring(0, 8);
        java.util.Properties adminProps = new java.util.Properties();
        adminProps.putAll(LocalInfra.kafkaConfig());
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(adminProps)) {
            // As deploy/local/CreateTopics does for the service topics: per-epoch results of 10,000 nodes are ~5 MB.
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1)
                    .configs(java.util.Map.of("retention.ms", "-1", "max.message.bytes", "33554432")))).all().get();
        }

        long t0 = System.nanoTime();
        LedgerView view = new LedgerView();
        int k = nodes;
        int entry = k / 5;
        int mix = (k - 2 * entry) / 3 * 3;
        RewardingParams params = RewardingParams.initial(Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L),
                Percent.fromPercentageValue(50), Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(entry, entry, mix, k - 2 * entry - mix), 720, FeeIncomeParams.DISABLED);
        java.util.Map<String, BigInteger> accounts = new java.util.HashMap<>();
        for (int i = 0; i < nodes; i++) {
            accounts.put("op" + i, BigInteger.valueOf(100_000_000_000L + i));
        }
        for (int i = 0; i < delegations; i++) {
            accounts.put("delegator" + i, BigInteger.valueOf(1_000_000L + i));
        }
        apply(view, new LedgerCommand.InitializeLedger(Instant.EPOCH, params, ContractSettings.DEFAULT, Instant.EPOCH, Duration.ofHours(1),
                LedgerCommand.GenesisAllocation.withAccounts(net.nym.tokenomics.eventlog.decimal.Unym.TOKEN_SUPPLY.amount(),
                        params.interval().rewardPool(), "treasury", accounts)));
        Instant now = Instant.EPOCH.plusSeconds(1);
        LedgerCommand.CostParamsInput costs = new LedgerCommand.CostParamsInput(Decimal.percent(20), BigInteger.valueOf(40_000_000));
        for (int i = 0; i < nodes; i++) {
            apply(view, new LedgerCommand.BondNode(now, "op" + i, "id" + i, BigInteger.valueOf(100_000_000_000L + i), costs, i + 1));
        }
        for (int i = 0; i < delegations; i++) {
            apply(view, new LedgerCommand.Delegate(now, "delegator" + i, 1 + (i % nodes), BigInteger.valueOf(1_000_000L + i)));
        }
        apply(view, new LedgerCommand.CloseEpoch(Instant.EPOCH.plus(Duration.ofHours(1)), 0, List.of(), java.util.Optional.empty()));
        view.ledgerVersion = 0;
        System.out.printf("set-up in memory: %d nodes, %d delegations in %.1f s%n", view.ledger.nodes().size(),
                view.ledger.delegations().size(), (System.nanoTime() - t0) / 1e9);

        LedgerService service = new LedgerService(dataSource, null, Clock.systemUTC(), () -> view, 0);
        long epoch = 1;
        List<Long> ids = new ArrayList<>(view.ledger.nodes().keySet());
        List<IntegrationEvents.NodePerformance> performance = ids.stream()
                .map(id -> new IntegrationEvents.NodePerformance(id, Percent.fromPercentageValue(95), 0.95, 1, 1, List.of())).toList();
        Instant start = Instant.EPOCH.plusSeconds(3600);
        List<RecordedInput> inputs = List.of(new RecordedInput.EpochEndedRecorded(UUID.randomUUID(),
                new IntegrationEvents.EpochEnded(epoch, 0, 1, start, start.plusSeconds(3600), false)),
                new RecordedInput.RewardedSetRecorded(UUID.randomUUID(), new IntegrationEvents.RewardedSetSelected(epoch,
                        ids.subList(0, entry), ids.subList(entry, 2 * entry), ids.subList(2 * entry, 2 * entry + mix / 3),
                        ids.subList(2 * entry + mix / 3, 2 * entry + 2 * mix / 3), ids.subList(2 * entry + 2 * mix / 3, 2 * entry + mix),
                        ids.subList(2 * entry + mix, k), "seed", "proof")),
                new RecordedInput.PerformanceRecorded(UUID.randomUUID(),
                        new IntegrationEvents.EpochPerformanceComputed(epoch, start, start.plusSeconds(3600), performance, "d")),
                new RecordedInput.UsageRecorded(UUID.randomUUID(),
                        new IntegrationEvents.EpochUsageClosed(epoch, List.of(), 0, Decimal.ZERO, "d")));
        // recorded as the consumer records them (not measured)
        for (RecordedInput input : inputs) {
            StoredEvent source = new StoredEvent(0, 0, input.sourceEventId(), "input", 1, "input", 1, "{}", java.util.Map.of(),
                    start);
            Transactions.inTransaction(dataSource, c -> service.recordInput(c, source, input, "benchmark"));
        }

        long digestStart = System.nanoTime();
        view.digest();
        long digestNanos = System.nanoTime() - digestStart;

        long closeStart = System.nanoTime();
        int closed = service.closeReadyEpochs();
        long closeNanos = System.nanoTime() - closeStart;
        long appended = service.read(LedgerView::ledgerVersion);
        if (closed != 1) {
            throw new IllegalStateException("the epoch was not closed");
        }
        System.out.printf("epoch %d for %d nodes / %d delegations:%n", epoch, nodes, delegations);
        System.out.printf("  compute + digest + integration events + append (1 tx, %d events): %8.1f ms%n", appended, closeNanos / 1e6);
        System.out.printf("    of which one state digest:                                   %8.1f ms%n", digestNanos / 1e6);
        long largest = Transactions.inTransaction(dataSource, c -> new EventStore().readStreamAfter(c, LedgerLog.LEDGER, 0))
                .stream().mapToLong(e -> e.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).max().orElse(0);
        System.out.printf("  largest event payload: %d bytes%n", largest);
        long publishStart = System.nanoTime();
        long deadline = publishStart + Duration.ofSeconds(60).toNanos();
        try (OutboxRelay relay = new OutboxRelay(dataSource, LocalInfra.kafkaConfig(),
                new OutboxRelay.Config("rewards-bench", topic, 500, Duration.ofMillis(20)))) {
            relay.start();
            while (relay.publishedCount() < appended && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            long publishNanos = System.nanoTime() - publishStart;
            if (relay.publishedCount() < appended) {
                System.out.printf("  publish to Kafka by the outbox relay: NOT DONE after 60 s (%d of %d published)%n",
                        relay.publishedCount(), appended);
            } else {
                System.out.printf("  publish to Kafka by the outbox relay:                            %8.1f ms%n", publishNanos / 1e6);
            }
        }
        System.exit(0);
    }

    private static void apply(LedgerView view, LedgerCommand command) {
        Decision d = LedgerDecider.decide(command, view.ledger);
        if (!(d instanceof Decision.Accepted a)) {
            throw new IllegalStateException(command + " refused: " + d);
        }
        for (LedgerEvent e : a.events()) {
            view.applyLedger(0, e, false);
        }
    }
}
