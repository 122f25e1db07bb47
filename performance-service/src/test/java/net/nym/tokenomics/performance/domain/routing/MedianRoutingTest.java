package net.nym.tokenomics.performance.domain.routing;

import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.performance.domain.monitoring.MonitorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MedianRoutingTest {

    /** TV-6, both lists (storage.rs loading_performance_data and types.rs node_results_median). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "0.42; 0.42",
            "0.50,0.40; 0.45",
            "0.58,0.45; 0.52",
            "0.12,0.34,0.56; 0.34",
            "0.9,0.9,0.1,0.1,0.7; 0.7",
            "0.9,0.9,0.1,0.1,0.2,0.3; 0.25",
            "0.1,0.2; 0.15",
            "0.1,0.2,0.3,0.4; 0.25",
            "0,0,1,1,1,1,1; 1"
    })
    void reproducesTv6(String values, String expected) {
        List<Percent> percents = Arrays.stream(values.split(",")).map(Percent::parse).toList();
        assertThat(NodeMeasurements.median(percents)).isEqualTo(Percent.parse(expected));
    }

    /** TV-7 helpers as the median uses them. */
    @ParameterizedTest
    @CsvSource({"0.123, 0.12", "0.125, 0.13", "0.994, 0.99", "0.995, 1", "0.999, 1"})
    void roundsHalfUpToTwoPlaces(String in, String out) {
        assertThat(Percent.parse(in).roundToTwoDecimalPlaces()).isEqualTo(Percent.parse(out));
    }

    @Test
    void averageOfTheMiddlePairIsExactBeforeRounding() {
        assertThat(Percent.average(Percent.parse("0.123"), Percent.parse("0.456"))).isEqualTo(Percent.parse("0.2895"));
        // Rounding happens on each value first: 0.123 -> 0.12, 0.456 -> 0.46, average 0.29.
        assertThat(NodeMeasurements.median(List.of(Percent.parse("0.123"), Percent.parse("0.456"))))
                .isEqualTo(Percent.parse("0.29"));
    }

    @Test
    void perMonitorMeansFeedTheMedian() {
        Instant t = Instant.parse("2026-05-16T00:00:00Z");
        NodeMeasurements acc = new NodeMeasurements(true);
        // monitor a: mean 90; monitor b: mean 51 (a node and a gateway row); monitor c: 100/3 = 33.33.. -> 0.33
        acc.add(new Measurement(1, MonitorKind.NODE, "a", t, 95));
        acc.add(new Measurement(1, MonitorKind.NODE, "a", t, 85));
        acc.add(new Measurement(1, MonitorKind.NODE, "b", t, 2));
        acc.add(new Measurement(1, MonitorKind.GATEWAY, "b", t, 100));
        acc.add(new Measurement(1, MonitorKind.NODE, "c", t, 100));
        acc.add(new Measurement(1, MonitorKind.NODE, "c", t, 0));
        acc.add(new Measurement(1, MonitorKind.NODE, "c", t, 0));
        assertThat(acc.score(RoutingProvider.MEDIAN)).isEqualTo(new RoutingScore(0.51, 7));
    }

    @Test
    void noMonitorsScoresZero() {
        assertThat(new NodeMeasurements(true).score(RoutingProvider.MEDIAN)).isEqualTo(RoutingScore.NO_DATA);
    }
}
