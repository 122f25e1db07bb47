package net.nym.tokenomics.performance.domain.routing;

import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyRoutingTest {

    private static final Instant END = Instant.parse("2026-05-16T12:00:00Z");
    private static final ScoringWindow WINDOW = ScoringWindow.endingAt(END, Duration.ofHours(24));

    private static Measurement node(Instant at, int reliability) {
        return new Measurement(1, MonitorKind.NODE, "monitor-a", at, reliability);
    }

    private static Measurement gateway(Instant at, int reliability) {
        return new Measurement(1, MonitorKind.GATEWAY, "monitor-a", at, reliability);
    }

    private static RoutingScore legacy(List<Measurement> rows) {
        NodeMeasurements acc = new NodeMeasurements(false);
        rows.stream().filter(m -> WINDOW.contains(m.recordedAt())).forEach(acc::add);
        return acc.score(RoutingProvider.LEGACY);
    }

    @Test
    void windowIsInclusiveAtBothEnds() {
        Instant start = END.minus(Duration.ofHours(24));
        assertThat(WINDOW.start()).isEqualTo(start);
        assertThat(WINDOW.contains(start)).isTrue();
        assertThat(WINDOW.contains(END)).isTrue();
        assertThat(WINDOW.contains(start.minusMillis(1))).isFalse();
        assertThat(WINDOW.contains(END.plusMillis(1))).isFalse();
    }

    @Test
    void edgeMeasurementsCountAndOutsideOnesAreIgnored() {
        Instant start = END.minus(Duration.ofHours(24));
        RoutingScore s = legacy(List.of(
                node(start, 80),                         // exactly at start: counted
                node(END, 100),                          // exactly at end: counted
                node(start.minusMillis(1), 0),           // 1 ms before start: ignored
                node(END.minus(Duration.ofHours(30)), 0),// older than 24 h: ignored
                node(END.plusMillis(1), 0)));            // after the end: ignored
        assertThat(s).isEqualTo(new RoutingScore(0.9, 2));
    }

    @Test
    void noRowsScoresZero() {
        assertThat(legacy(List.of())).isEqualTo(RoutingScore.NO_DATA);
        assertThat(legacy(List.of(node(END.minus(Duration.ofDays(2)), 100)))).isEqualTo(RoutingScore.NO_DATA);
    }

    @Test
    void gatewayOnlyWhenMixAverageIsZero() {
        assertThat(legacy(List.of(gateway(END, 90), gateway(END, 70)))).isEqualTo(new RoutingScore(0.8, 2));
        assertThat(legacy(List.of(node(END, 0), gateway(END, 60)))).isEqualTo(new RoutingScore(0.6, 2));
    }

    @Test
    void mixOnlyWhenGatewayAverageIsZero() {
        assertThat(legacy(List.of(node(END, 95), gateway(END, 0)))).isEqualTo(new RoutingScore(0.95, 2));
    }

    @Test
    void bothPresentAreAveraged() {
        // mix = (100 + 99 + 98) / 3 = 99, gw = 90: (99 + 90) / 2 = 94.5 -> 0.945
        assertThat(legacy(List.of(node(END, 100), node(END, 99), node(END, 98), gateway(END, 90))))
                .isEqualTo(new RoutingScore(0.945, 4));
    }

    @Test
    void averageIsExactAndOrderIndependent() {
        // 96 rows of 1/3 granularity: the exact mean 2/3 of 100 is rounded to a double once.
        List<Measurement> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 96; i++) {
            rows.add(node(END.minusSeconds(900L * i), i % 3 == 0 ? 100 : 50));
        }
        double expected = 6400.0 / 9600.0;
        assertThat(legacy(rows).score()).isEqualTo(expected);
        java.util.Collections.reverse(rows);
        assertThat(legacy(rows).score()).isEqualTo(expected);
    }

    @Test
    void unequalCountsCombineAsExactRational() {
        // mix = 197/3, gw = 91/2: (197/3 + 91/2) / 2 / 100 = (394 + 273) / 1200
        assertThat(legacy(List.of(node(END, 100), node(END, 97), node(END, 0), gateway(END, 91), gateway(END, 0)))
                .score()).isEqualTo(667.0 / 1200.0);
    }

    @Test
    void largeSumsStillRoundOnce() {
        assertThat(ExactRatio.toDouble(java.math.BigInteger.ONE.shiftLeft(80).add(java.math.BigInteger.ONE),
                java.math.BigInteger.ONE.shiftLeft(80).multiply(java.math.BigInteger.valueOf(3)))).isEqualTo(1.0 / 3.0);
        assertThat(ExactRatio.toDouble(java.math.BigInteger.TEN.pow(30).multiply(java.math.BigInteger.valueOf(2)),
                java.math.BigInteger.TEN.pow(30).multiply(java.math.BigInteger.valueOf(3)))).isEqualTo(2.0 / 3.0);
    }
}
