package net.nym.tokenomics.performance.domain.version;

import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.AppendRelease;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.ReleaseAppended;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.ReleaseRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseHistoryDeciderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static ReleaseHistory fold(List<ReleaseAppended> events) {
        ReleaseHistory h = ReleaseHistory.EMPTY;
        for (ReleaseAppended e : events) {
            h = ReleaseHistoryDecider.evolve(h, e);
        }
        return h;
    }

    private static List<ReleaseAppended> appendAll(String... versions) {
        List<ReleaseAppended> events = new ArrayList<>();
        for (int i = 0; i < versions.length; i++) {
            var d = ReleaseHistoryDecider.decide(new AppendRelease(versions[i], T0.plusSeconds(i)), fold(events));
            events.addAll(((Decision.Accepted<ReleaseAppended, ReleaseRejection>) d).events());
        }
        return events;
    }

    @Test
    void genesisHasIdZeroAndNoDifference() {
        var d = ReleaseHistoryDecider.decide(new AppendRelease("1.1.13", T0), ReleaseHistory.EMPTY);
        assertThat(d).isEqualTo(Decision.accept(new ReleaseAppended(
                new ReleaseEntry(0, Semver.parse("1.1.13"), T0, VersionDifference.ZERO))));
    }

    @Test
    void appendingComputesTheCumulativeDifference() {
        List<ReleaseAppended> events = appendAll("1.1.13", "1.2.0", "1.2.1", "1.3.0", "1.3.1-importantpre", "1.3.1",
                "1.3.2", "1.4.0");
        assertThat(events).extracting(e -> e.entry().differenceSinceGenesis()).containsExactly(
                new VersionDifference(0, 0, 0, 0), new VersionDifference(0, 1, 0, 0), new VersionDifference(0, 1, 1, 0),
                new VersionDifference(0, 2, 1, 0), new VersionDifference(0, 2, 2, 0), new VersionDifference(0, 2, 2, 1),
                new VersionDifference(0, 2, 3, 1), new VersionDifference(0, 3, 3, 1));
        assertThat(events).extracting(e -> e.entry().id()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events.get(7).entry().introducedAt()).isEqualTo(T0.plusSeconds(7));
    }

    @ParameterizedTest
    @CsvSource({"1.2.1", "1.2.0", "1.1.99", "1.2.1-rc.1", "1.2.1+build"})
    void rejectsAVersionNotGreaterThanTheLatest(String version) {
        ReleaseHistory h = fold(appendAll("1.2.0", "1.2.1"));
        var d = ReleaseHistoryDecider.decide(new AppendRelease(version, T0), h);
        assertThat(d).isEqualTo(Decision.reject(
                new ReleaseRejection.NotNewerThanLatest(Semver.parse(version), Semver.parse("1.2.1"))));
        assertThat(((ReleaseRejection) ((Decision.Rejected<?, ?>) d).rejection()).message()).startsWith("semver:");
    }

    @ParameterizedTest
    @CsvSource({"v1.3.0", "1.3", "1.3.0-", "nym-node 1.3.0"})
    void rejectsInvalidSemver(String version) {
        var d = ReleaseHistoryDecider.decide(new AppendRelease(version, T0), ReleaseHistory.EMPTY);
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected<?, ?>) d).rejection()).isInstanceOf(ReleaseRejection.InvalidVersion.class);
    }

    @Test
    void foldingTwiceGivesTheSameState() {
        List<ReleaseAppended> events = appendAll("1.1.13", "1.2.0", "1.2.1", "1.2.4", "1.3.0");
        assertThat(fold(events)).isEqualTo(fold(events));
        // The decider and the fixture builder apply the same cumulative() rule.
        assertThat(fold(events).entries()).extracting(ReleaseEntry::semver, ReleaseEntry::differenceSinceGenesis)
                .containsExactlyElementsOf(ReleaseHistory.of(T0, "1.1.13", "1.2.0", "1.2.1", "1.2.4", "1.3.0").entries()
                        .stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.semver(), e.differenceSinceGenesis()))
                        .toList());
    }
}
