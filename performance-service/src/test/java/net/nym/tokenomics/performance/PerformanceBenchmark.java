package net.nym.tokenomics.performance;

import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.epoch.ComputeEpochPerformance;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceComputed;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceDecider;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceLedger;
import net.nym.tokenomics.performance.domain.epoch.PerformanceConfig;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.routing.Measurement;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times {@code ComputeEpochPerformance} for 10,000 bonded nodes with 96 measurements each (one per 15 minutes over
 * 24 h, half node-monitor and half gateway-monitor) plus a day of out-of-window rows. Not a test: run with
 * {@code java -cp <test-classpath> net.nym.tokenomics.performance.PerformanceBenchmark [nodes] [perNode] [runs]}.
 */
public final class PerformanceBenchmark {

    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perNode = args.length > 1 ? Integer.parseInt(args[1]) : 96;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Instant end = Instant.parse("2026-05-16T13:00:00Z");
        SplittableRandom random = new SplittableRandom(42);
        String[] versions = {"1.4.0", "1.3.2", "1.3.1", "1.3.0", "1.2.1", "1.1.13", "1.0.9"};

        List<BondedNode> bonded = new ArrayList<>(nodes);
        List<NodeFact> facts = new ArrayList<>(nodes);
        List<Measurement> rows = new ArrayList<>(nodes * perNode * 2);
        for (int i = 0; i < nodes; i++) {
            long id = i + 1;
            bonded.add(new BondedNode(id, "identity-" + id));
            facts.add(new NodeFact.NodeDescribed(id, end.minusSeconds(600), true, "nym-node",
                    versions[random.nextInt(versions.length)], new NodeRoles(true, i % 3 == 0, i % 5 == 0), i % 50 != 0));
        }
        Duration step = Duration.ofHours(24).dividedBy(perNode);
        for (int k = 0; k < perNode; k++) {
            // Two days of rows, so half of them fall outside the window and must be skipped.
            for (int day = 0; day < 2; day++) {
                Instant at = end.minus(step.multipliedBy(k)).minus(Duration.ofHours(24L * day)).minusMillis(day);
                for (int i = 0; i < nodes; i++) {
                    rows.add(new Measurement(i + 1, k % 2 == 0 ? MonitorKind.NODE : MonitorKind.GATEWAY,
                            "monitor-" + (k % 4), at, random.nextInt(101)));
                }
            }
        }
        ReleaseHistory releases = ReleaseHistory.of(end.minus(Duration.ofDays(200)), "1.1.13", "1.2.0", "1.2.1",
                "1.3.0", "1.3.1-importantpre", "1.3.1", "1.3.2", "1.4.0");
        SelfDescriptionHistory described = SelfDescriptionHistory.of(facts);

        System.out.printf("nodes=%d, measurements in window=%d, total rows=%d%n", nodes, nodes * perNode, rows.size());
        long best = Long.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            ComputeEpochPerformance command = new ComputeEpochPerformance(run, end, bonded, rows, described, releases,
                    PerformanceConfig.DEFAULT);
            long t0 = System.nanoTime();
            var decision = EpochPerformanceDecider.decide(command, EpochPerformanceLedger.EMPTY);
            long elapsed = System.nanoTime() - t0;
            best = Math.min(best, elapsed);
            EpochPerformanceComputed event = ((Decision.Accepted<EpochPerformanceComputed, ?>) decision).events().getFirst();
            System.out.printf("run %d: %.1f ms (%d node results, node 2 performance %s)%n", run, elapsed / 1e6,
                    event.nodes().size(), event.nodes().get(1).performance());
        }
        System.out.printf("best: %.1f ms%n", best / 1e6);
    }
}
