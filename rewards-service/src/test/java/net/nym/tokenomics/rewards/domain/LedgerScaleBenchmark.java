package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.LedgerCommand.*;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncomeParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how long closing an epoch takes with 10,000 rewarded nodes, first with no delegations and then with
 * 1,000,000: the per-epoch cost should not move. A benchmark, not a pass/fail timing test: run with
 * {@code -Dbenchmarks=true} (sizes via {@code -Dbenchmark.nodes} and {@code -Dbenchmark.delegations}).
 */
@EnabledIfSystemProperty(named = "benchmarks", matches = "true")
class LedgerScaleBenchmark {

    private static final int NODES = Integer.getInteger("benchmark.nodes", 10_000);
    private static final int DELEGATIONS = Integer.getInteger("benchmark.delegations", 1_000_000);

    private MixnetLedger ledger = MixnetLedger.empty();

    private List<LedgerEvent> run(LedgerCommand command) {
        Decision decision = LedgerDecider.decide(command, ledger);
        if (!(decision instanceof Decision.Accepted accepted)) {
            throw new AssertionError(command + " refused: " + decision);
        }
        accepted.events().forEach(e -> LedgerEvolver.evolve(ledger, e));
        return accepted.events();
    }

    private Instant now() {
        return ledger.globals().clock().currentEpochStart().plusSeconds(1);
    }

    private long closeTimed(String label, List<RewardedNode> set) {
        Instant end = ledger.globals().clock().currentEpochEnd();
        long start = System.nanoTime();
        Decision decision = LedgerDecider.decide(new CloseEpoch(end, ledger.globals().currentEpoch(), set, Optional.empty()), ledger);
        long decided = System.nanoTime();
        List<LedgerEvent> events = ((Decision.Accepted) decision).events();
        events.forEach(e -> LedgerEvolver.evolve(ledger, e));
        long evolved = System.nanoTime();
        System.out.printf("%-52s decide %7.1f ms, evolve %7.1f ms, %d events%n", label,
                (decided - start) / 1e6, (evolved - decided) / 1e6, events.size());
        return evolved - start;
    }

    @Test
    void epochCloseCostDoesNotGrowWithDelegations() {
        int k = NODES;
        RewardingParams params = RewardingParams.initial(Decimal.of(250_000_000_000_000L), Decimal.of(100_000_000_000_000L),
                Percent.fromPercentageValue(50), Percent.fromPercentageValue(30), Decimal.of(10), Percent.fromPercentageValue(2),
                new RewardedSetParams(k / 5, k / 5, k - 2 * (k / 5) - (k - 2 * (k / 5)) % 3, (k - 2 * (k / 5)) % 3),
                720, FeeIncomeParams.DISABLED);
        java.util.Map<String, BigInteger> accounts = new java.util.HashMap<>();
        for (int i = 0; i < NODES; i++) {
            accounts.put("op" + i, BigInteger.valueOf(100_000_000_000L + i));
        }
        for (int i = 0; i < DELEGATIONS; i++) {
            accounts.put("delegator" + i, BigInteger.valueOf(1_000_000L + i));
        }
        run(new InitializeLedger(Instant.EPOCH, params, ContractSettings.DEFAULT, Instant.EPOCH, Duration.ofHours(1),
                GenesisAllocation.withAccounts(Unym.TOKEN_SUPPLY.amount(), params.interval().rewardPool(), "treasury", accounts)));
        CostParamsInput costs = new CostParamsInput(Decimal.percent(20), BigInteger.valueOf(40_000_000));
        for (int i = 0; i < NODES; i++) {
            run(new BondNode(now(), "op" + i, "id" + i, BigInteger.valueOf(100_000_000_000L + i), costs, i + 1));
        }
        Decimal work = params.workFactors().active();
        List<RewardedNode> set = new ArrayList<>(NODES);
        for (long id = 1; id <= NODES; id++) {
            set.add(new RewardedNode(id, Percent.fromPercentageValue(95), id <= params.rewardedSet().activeSetSize() ? work : params.workFactors().standby()));
        }
        closeTimed("genesis close (nobody rewarded)", List.of());
        closeTimed("warm-up", set);
        long without = closeTimed(NODES + " nodes rewarded, 0 delegations", set);

        long start = System.nanoTime();
        for (int i = 0; i < DELEGATIONS; i++) {
            run(new Delegate(now(), "delegator" + i, 1 + (i % NODES), BigInteger.valueOf(1_000_000L + i)));
        }
        System.out.printf("%-52s %7.1f ms%n", DELEGATIONS + " delegations queued", (System.nanoTime() - start) / 1e6);
        closeTimed("epoch applying " + DELEGATIONS + " queued delegations", set);
        assertThat(ledger.delegations()).hasSize(DELEGATIONS);
        closeTimed("warm-up", set);
        long with = closeTimed(NODES + " nodes rewarded, " + DELEGATIONS + " delegations", set);

        Runtime rt = Runtime.getRuntime();
        rt.gc();
        System.out.printf("heap in use after the run: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        long digestStart = System.nanoTime();
        long[] entries = {0};
        ledger.forEachCanonicalEntry((key, value) -> entries[0]++);
        System.out.printf("%-52s %7.1f ms (%d entries)%n", "one pass over the canonical view",
                (System.nanoTime() - digestStart) / 1e6, entries[0]);
        System.out.printf("epoch close with/without delegations: %.2f%n", (double) with / without);
    }
}
