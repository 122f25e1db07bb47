package net.nym.tokenomics.simulator.benchmark.year;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A year of selection-service history, written through {@link SelectionService} as its consumer and admin endpoint
 * drive it: the nodes' {@code NodeBonded}, then per epoch the admin advance (MANUAL clock, hourly epochs, 720 per
 * interval: the service's default shape, so the packaged service starts on the log), the epoch's stake snapshot and
 * performance of every node, and the selection of the next set from them (50 entry, 70 exit, 120 mixnodes). A third
 * of the nodes are gateways (entry and exit), the rest mixnodes; stakes are drawn once, performance every epoch.
 */
final class SelectionYear {

    static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");

    private final DataSource dataSource;
    private final Random random;
    private final SelectionService service;
    private final List<Long> stakes = new ArrayList<>();
    private long seq;

    SelectionYear(DataSource dataSource, long seed) {
        this.dataSource = dataSource;
        this.random = new Random(seed);
        this.service = new SelectionService(dataSource, new SelectionService.Settings(SelectionService.DEFAULT_STREAM,
                "selection-service-inputs", ClockMode.MANUAL, Duration.ofHours(1), 720, new RewardedSetSizes(50, 70, 120, 0),
                Decimal.ONE, Map.of()), 0);
    }

    /** Bonds {@code nodes} nodes (ids 1…n), then starts the clock: epoch 0's set is drawn from them. */
    void bond(int nodes) {
        for (long id = 1; id <= nodes; id++) {
            boolean gateway = id % 3 == 0;
            input(new IntegrationEvents.NodeBonded(id, "n1yearowner" + id, "ident" + id, "node" + id + ".example", 8080,
                    new IntegrationEvents.NodeRoles(!gateway, gateway, gateway), Unym.of(100_000_000L), 0));
            stakes.add(10_000_000L + random.nextLong(500_000_000L));
        }
        service.start(GENESIS);
    }

    /** Ends epoch {@code e} and records its inputs, which select the set of {@code e + 1}; the stream's version after it. */
    long epoch(long e) {
        service.advance(GENESIS.plus(Duration.ofHours(e + 1)), "year-benchmark");
        Decimal ssp = Decimal.of(1_000_000_000L);
        List<IntegrationEvents.NodeStake> stake = new ArrayList<>(stakes.size());
        List<IntegrationEvents.NodePerformance> performance = new ArrayList<>(stakes.size());
        for (int i = 0; i < stakes.size(); i++) {
            Decimal s = Decimal.of(stakes.get(i));
            stake.add(new IntegrationEvents.NodeStake(i + 1, "n1yearowner" + (i + 1), s, Decimal.of(1_000),
                    Decimal.ONE.min(s.div(ssp))));
            performance.add(new IntegrationEvents.NodePerformance(i + 1,
                    Percent.parse("0." + (80 + random.nextInt(20))), 1.0, 1.0, 10, List.of()));
        }
        input(new IntegrationEvents.StakeSnapshotTaken(e, ssp, 50, 70, 120, 0, stake));
        Instant start = GENESIS.plus(Duration.ofHours(e));
        input(new IntegrationEvents.EpochPerformanceComputed(e, start, start.plusSeconds(3600), performance, "00"));
        return service.view().version();
    }

    String lastProofDigest() {
        return service.view().lastSelected().proofDigest();
    }

    /** The input as the consumer hands it over: an event of the producer's log, recorded in a transaction of its own. */
    private void input(Object integrationRecord) {
        NewEvent n = IntegrationEvents.codec().encode(UUID.randomUUID(), integrationRecord);
        long s = ++seq;
        StoredEvent stored = new StoredEvent(s, s, n.eventId(), "year-producer", s, n.eventType(), n.schemaVersion(),
                n.payload(), Map.of(), GENESIS);
        Transactions.inTransaction(dataSource, c -> {
            service.onInput(c, stored);
            return null;
        });
    }
}
