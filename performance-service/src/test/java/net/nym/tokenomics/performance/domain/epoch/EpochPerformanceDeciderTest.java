package net.nym.tokenomics.performance.domain.epoch;

import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.config.ConfigScore;
import net.nym.tokenomics.performance.domain.config.ConfigScoreParams;
import net.nym.tokenomics.performance.domain.epoch.EpochPerformanceDecider.EpochRejection;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import net.nym.tokenomics.performance.domain.routing.Measurement;
import net.nym.tokenomics.performance.domain.routing.RoutingProvider;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.domain.selfdescribed.SelfDescriptionHistory;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EpochPerformanceDeciderTest {

    private static final Instant END = Instant.parse("2026-05-16T13:00:00Z");
    private static final ReleaseHistory RELEASES = ReleaseHistory.of(Instant.parse("2026-01-01T00:00:00Z"),
            "1.1.13", "1.2.0", "1.2.1", "1.3.0", "1.3.1-importantpre", "1.3.1", "1.3.2", "1.4.0");

    private static NodeFact.NodeDescribed good(long id, String version, Instant at) {
        return new NodeFact.NodeDescribed(id, at, true, "nym-node", version, new NodeRoles(true, true, false), true);
    }

    private static Measurement m(long id, MonitorKind kind, Instant at, int reliability) {
        return new Measurement(id, kind, "monitor", at, reliability);
    }

    private static EpochPerformanceComputed computed(ComputeEpochPerformance c) {
        var d = EpochPerformanceDecider.decide(c, EpochPerformanceLedger.EMPTY);
        assertThat(d).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<EpochPerformanceComputed, EpochRejection>) d).events().getFirst();
    }

    private static ComputeEpochPerformance command(long epoch, List<BondedNode> nodes, List<Measurement> rows,
                                                   List<NodeFact> facts) {
        return new ComputeEpochPerformance(epoch, END, nodes, rows, SelfDescriptionHistory.of(facts), RELEASES,
                PerformanceConfig.DEFAULT);
    }

    @Test
    void scoresEveryBondedNodeSortedById() {
        List<BondedNode> nodes = List.of(new BondedNode(30, "id30"), new BondedNode(4, "id4"), new BondedNode(12, "id12"));
        List<Measurement> rows = List.of(
                m(4, MonitorKind.NODE, END.minusSeconds(60), 100),
                m(4, MonitorKind.GATEWAY, END.minusSeconds(60), 98),
                m(12, MonitorKind.NODE, END, 90),
                m(30, MonitorKind.NODE, END.minus(Duration.ofHours(24)), 50),
                m(99, MonitorKind.NODE, END, 100)); // not bonded: ignored
        List<NodeFact> facts = List.of(good(4, "1.4.0", END.minusSeconds(10)), good(12, "1.3.0", END.minusSeconds(10)),
                good(30, "1.4.0", END.minusSeconds(10)));
        EpochPerformanceComputed e = computed(command(7, nodes, rows, facts));

        assertThat(e.epoch()).isEqualTo(7);
        assertThat(e.windowStart()).isEqualTo(END.minus(Duration.ofHours(24)));
        assertThat(e.windowEnd()).isEqualTo(END);
        assertThat(e.routingProvider()).isEqualTo(RoutingProvider.LEGACY);
        assertThat(e.nodes()).extracting(NodePerformance::nodeId).containsExactly(4L, 12L, 30L);

        NodePerformance n4 = e.nodes().get(0);
        assertThat(n4.routingScore()).isEqualTo(0.99);
        assertThat(n4.measurementCount()).isEqualTo(2);
        assertThat(n4.configScore()).isEqualTo(new ConfigScore(1.0, 0L, true, true, true));
        assertThat(n4.performanceScore()).isEqualTo(0.99);
        // TV-3: 0.99 converts to 0.989999999999999991
        assertThat(n4.performance()).isEqualTo(Percent.parse("0.989999999999999991"));
        assertThat(n4.last24hPerformance()).isEqualTo(Percent.parse("0.99"));
        assertThat(n4.reasons()).isEmpty();

        NodePerformance n12 = e.nodes().get(1);
        assertThat(n12.performanceScore()).isEqualTo(0.9 * 0.708082239151022);
        assertThat(n12.performance()).isEqualTo(Percent.naiveFromF64OrZero(0.9 * 0.708082239151022));
        assertThat(n12.last24hPerformance()).isEqualTo(Percent.parse("0.63"));
        assertThat(n12.reasons()).containsExactly(ScoreReason.OUTDATED_VERSION);

        NodePerformance n30 = e.nodes().get(2);
        assertThat(n30.routingScore()).isEqualTo(0.5);
        assertThat(n30.performance()).isEqualTo(Percent.parse("0.5"));
    }

    @Test
    void nodeWithoutDataScoresZeroAndSaysWhy() {
        EpochPerformanceComputed e = computed(command(1, List.of(new BondedNode(5, "id5")), List.of(), List.of()));
        NodePerformance n = e.nodes().getFirst();
        assertThat(n.routingScore()).isZero();
        assertThat(n.measurementCount()).isZero();
        assertThat(n.configScore()).isEqualTo(ConfigScore.NOT_DESCRIBED);
        assertThat(n.configScore().versionsBehind()).isNull();
        assertThat(n.performance()).isEqualTo(Percent.ZERO);
        assertThat(n.last24hPerformance()).isEqualTo(Percent.ZERO);
        assertThat(n.reasons()).containsExactly(ScoreReason.NO_MEASUREMENTS, ScoreReason.NO_SELF_DESCRIPTION);
    }

    @Test
    void zeroReasonsForEachConfigFailure() {
        List<BondedNode> nodes = List.of(new BondedNode(1, "a"), new BondedNode(2, "b"), new BondedNode(3, "c"),
                new BondedNode(4, "d"), new BondedNode(5, "e"));
        List<Measurement> rows = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            rows.add(m(id, MonitorKind.NODE, END, id == 5 ? 0 : 100));
        }
        Instant at = END.minusSeconds(1);
        List<NodeFact> facts = List.of(
                new NodeFact.NodeDescribed(1, at, true, "nym-mixnode", "1.4.0", NodeRoles.NONE, true),
                new NodeFact.NodeDescribed(2, at, true, "nym-node", "1.4.0", NodeRoles.NONE, false),
                new NodeFact.NodeDescribed(3, at, true, "nym-node", "one.four", NodeRoles.NONE, true),
                new NodeFact.NodeUnreachable(4, at, "connection refused"),
                good(5, "1.4.0", at));
        List<NodePerformance> r = computed(command(2, nodes, rows, facts)).nodes();
        assertThat(r).extracting(NodePerformance::performance).containsOnly(Percent.ZERO);
        assertThat(r).extracting(NodePerformance::reasons).containsExactly(
                List.of(ScoreReason.NOT_NYM_NODE), List.of(ScoreReason.TERMS_NOT_ACCEPTED),
                List.of(ScoreReason.BAD_VERSION), List.of(ScoreReason.NODE_UNREACHABLE),
                List.of(ScoreReason.ZERO_RELIABILITY));
    }

    @Test
    void usesTheLatestFactAtOrBeforeTheEpochEnd() {
        List<NodeFact> facts = List.of(
                good(1, "1.3.2", END.minusSeconds(4500)),
                good(1, "1.4.0", END),                              // at the end: counts
                new NodeFact.NodeUnreachable(1, END.plusMillis(1), "later"), // after the end: ignored
                good(2, "1.4.0", END.minusSeconds(100)),
                new NodeFact.NodeUnreachable(2, END.minusSeconds(10), "down"));
        List<NodePerformance> r = computed(command(3, List.of(new BondedNode(1, "a"), new BondedNode(2, "b")),
                List.of(m(1, MonitorKind.NODE, END, 100), m(2, MonitorKind.NODE, END, 100)), facts)).nodes();
        assertThat(r.get(0).configScore().versionsBehind()).isZero();
        assertThat(r.get(0).performance()).isEqualTo(Percent.HUNDRED);
        assertThat(r.get(1).reasons()).containsExactly(ScoreReason.NODE_UNREACHABLE);
    }

    @Test
    void medianProviderIsSelectable() {
        var c = new ComputeEpochPerformance(4, END, List.of(new BondedNode(1, "a")),
                List.of(new Measurement(1, MonitorKind.NODE, "x", END, 58), new Measurement(1, MonitorKind.NODE, "y", END, 45)),
                SelfDescriptionHistory.of(List.of(good(1, "1.4.0", END))), RELEASES,
                new PerformanceConfig(RoutingProvider.MEDIAN, Duration.ofHours(24), ConfigScoreParams.DEFAULT));
        NodePerformance n = computed(c).nodes().getFirst();
        assertThat(n.routingScore()).isEqualTo(0.52); // TV-6: [0.58, 0.45] -> 0.515 -> 0.52
        assertThat(n.measurementCount()).isEqualTo(2);
    }

    @Test
    void refusesToComputeTheSameEpochTwice() {
        var c = command(9, List.of(new BondedNode(1, "a")), List.of(), List.of());
        EpochPerformanceLedger state = EpochPerformanceDecider.evolve(EpochPerformanceLedger.EMPTY, computed(c));
        assertThat(EpochPerformanceDecider.decide(c, state))
                .isEqualTo(Decision.reject(new EpochRejection.AlreadyComputed(9)));
        assertThat(EpochPerformanceDecider.decide(command(10, List.of(), List.of(), List.of()), state))
                .isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void rejectsDuplicateBondedNodes() {
        var c = command(1, List.of(new BondedNode(3, "a"), new BondedNode(3, "b")), List.of(), List.of());
        assertThat(EpochPerformanceDecider.decide(c, EpochPerformanceLedger.EMPTY))
                .isEqualTo(Decision.reject(new EpochRejection.DuplicateBondedNode(3)));
    }

    @Test
    void sameInputsGiveTheSameEventAndFoldingTwiceTheSameState() {
        List<BondedNode> nodes = new ArrayList<>();
        List<Measurement> rows = new ArrayList<>();
        List<NodeFact> facts = new ArrayList<>();
        for (long id = 1; id <= 50; id++) {
            nodes.add(new BondedNode(id, "id" + id));
            facts.add(good(id, id % 2 == 0 ? "1.4.0" : "1.3." + (id % 4), END.minusSeconds(id)));
            for (int k = 0; k < 10; k++) {
                rows.add(m(id, k % 2 == 0 ? MonitorKind.NODE : MonitorKind.GATEWAY, END.minusSeconds(600L * k),
                        (int) ((id * 7 + k * 13) % 101)));
            }
        }
        EpochPerformanceComputed a = computed(command(11, nodes, rows, facts));
        java.util.Collections.reverse(rows);
        java.util.Collections.reverse(nodes);
        EpochPerformanceComputed b = computed(command(11, nodes, rows, facts));
        assertThat(b).isEqualTo(a);

        List<EpochPerformanceComputed> events = List.of(a, computed(command(12, nodes, rows, facts)));
        EpochPerformanceLedger s1 = EpochPerformanceLedger.EMPTY;
        EpochPerformanceLedger s2 = EpochPerformanceLedger.EMPTY;
        for (EpochPerformanceComputed e : events) {
            s1 = EpochPerformanceDecider.evolve(s1, e);
        }
        for (EpochPerformanceComputed e : events) {
            s2 = EpochPerformanceDecider.evolve(s2, e);
        }
        assertThat(s1).isEqualTo(s2);
        assertThat(s1.computedEpochs()).containsExactly(11L, 12L);
        // evolve is total: re-applying an event changes nothing.
        assertThat(EpochPerformanceDecider.evolve(s1, a)).isEqualTo(s1);
    }

    /** TV-8 and the edges of the legacy integer percent. */
    @ParameterizedTest
    @CsvSource({
            "0.987, 0.98",
            "1.0, 1",
            "0.0, 0",
            "0.5, 0.5",
            "0.009, 0",
            "0.99, 0.99",
            "0.29, 0.29",
            "0.98505, 0.98",
            "1.5, 0",
            "-0.1, 0"
    })
    void legacyPercentTruncates(double performance, String expected) {
        assertThat(LegacyPerformance.fromPerformanceScore(performance)).isEqualTo(Percent.parse(expected));
    }

    @Test
    void tv8ReliabilityRoundingOfTheMonitor() {
        // 8 of 9 packets: round(88.89) = 89 is what a monitor submits; the routing score is then 0.89.
        assertThat(Math.round(8 / 9.0 * 100)).isEqualTo(89);
        var c = command(1, List.of(new BondedNode(1, "a")), List.of(m(1, MonitorKind.NODE, END, 89)),
                List.of(good(1, "1.4.0", END)));
        assertThat(computed(c).nodes().getFirst().routingScore()).isEqualTo(0.89);
    }
}
