package net.nym.tokenomics.lab;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabRunTest {

    /** S1 (or S1-persistent) shrunk: W = 20 growing with demand from the second month, few epochs. */
    static Scenario small(String file, int months, int epochs, String seed) throws Exception {
        Scenario s = Scenario.read(Path.of("scenarios", file));
        return new Scenario(s.name(), s.description(), seed, months, epochs, s.mode(), s.token(), s.rewarding(),
                new Scenario.Network(3, 2, 1, 2, 12, s.network().nodePeakPacketsPerSecond(), s.network().peakFactor(),
                        s.network().capacityGrowthMonthly()),
                s.nodes(), new Scenario.Demand(200_000, 0.06, 1, 3600L * epochs), s.pricing());
    }

    @ParameterizedTest
    @CsvSource({"s1.json", "s1-persistent.json", "s0.json"})
    void everyIntervalConservesAndTheSupplyAddsUp(String file, @TempDir Path out) throws Exception {
        Scenario s = small(file, 3, 6, "01");
        List<LabRun.Month> months = new LabRun(s, line -> { }).run(out);
        assertThat(months).hasSize(3);
        assertThat(months.get(2).size().width()).isGreaterThan(months.get(0).size().width());
        Decimal total = s.nym(s.token().totalSupplyNym());
        for (LabRun.Month m : months) {
            IntervalEngine.IntervalResult r = m.result();
            assertThat(r.emission().plus(r.feesToMixnet())).isEqualTo(r.distributed().plus(r.unclaimed()));
            assertThat(r.feesToMixnet().plus(r.gatewayCredits()).plus(r.returnedToPool())).isEqualTo(r.fees());
            Decimal pool = r.params().interval().rewardPool();
            assertThat(r.rolledOver().interval().rewardPool())
                    .isEqualTo(pool.plus(r.feesToMixnet()).plus(r.returnedToPool()).minus(r.distributed()));
            assertThat(r.rolledOver().interval().rewardPool().plus(m.circulatingAfter())).isEqualTo(total);
            Decimal sum = Decimal.ZERO;
            for (IntervalEngine.NodeResult n : r.nodes()) {
                assertThat(n.operator().plus(n.delegates())).isEqualTo(n.reward());
                assertThat(n.epochsActive() + n.epochsStandby()).isLessThanOrEqualTo(s.epochsPerInterval());
                sum = sum.plus(n.reward());
            }
            assertThat(sum).isEqualTo(r.distributed());
            assertThat(r.distributed().isZero()).isFalse();
            assertThat(r.unclaimed().isZero()).isFalse();
        }
        if (!file.equals("s0.json")) {
            assertThat(months.getFirst().result().fees().isZero()).isFalse();
        }
    }

    @Test
    void theSameScenarioAndSeedGiveByteIdenticalCsv(@TempDir Path dir) throws Exception {
        Scenario s = small("s1.json", 2, 5, "0a0b");
        new LabRun(s, line -> { }).run(dir.resolve("a"));
        new LabRun(s, line -> { }).run(dir.resolve("b"));
        new LabRun(small("s1.json", 2, 5, "0a0c"), line -> { }).run(dir.resolve("c"));
        for (String csv : List.of("intervals.csv", "nodes.csv")) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(csv));
            assertThat(a).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(csv)));
            assertThat(a.length).isGreaterThan(100);
        }
        assertThat(Files.readAllBytes(dir.resolve("a/nodes.csv"))).isNotEqualTo(Files.readAllBytes(dir.resolve("c/nodes.csv")));
    }

    @Test
    void shippedScenariosAreThePapersSetUp() throws Exception {
        Scenario s0 = Scenario.read(Path.of("scenarios/s0.json"));
        Scenario s1 = Scenario.read(Path.of("scenarios/s1.json"));
        NetworkSize first = NetworkSize.of(s0, 0);
        assertThat(List.of(first.width(), first.active(), first.reserve(), first.rewarded(), first.candidates()))
                .containsExactly(120, 360, 360, 720, 1440);
        assertThat(NetworkSize.of(s0, 59)).isEqualTo(new NetworkSize(120, 360, 360, 720, 1440, 0));
        // S1: 200k packets/s (720M per epoch), the network grows past W = 120 in month 39 (index 38) and ends above K = 2000
        assertThat(NetworkSize.of(s1, 0).demandPerEpoch()).isEqualTo(720_000_000L);
        assertThat(NetworkSize.of(s1, 37).width()).isEqualTo(120);
        assertThat(NetworkSize.of(s1, 38).width()).isGreaterThan(120);
        assertThat(NetworkSize.of(s1, 59).rewarded()).isGreaterThan(2000);
        assertThat(s1.mode()).isEqualTo(Scenario.Mode.paper);
        assertThat(Scenario.read(Path.of("scenarios/s1-persistent.json")).mode()).isEqualTo(Scenario.Mode.persistent);
    }
}
