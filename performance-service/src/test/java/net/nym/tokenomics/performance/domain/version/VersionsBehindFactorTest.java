package net.nym.tokenomics.performance.domain.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** TV-4: every row of nym's versions_behind_factor test, weights 100/10/1/1. */
class VersionsBehindFactorTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    record Row(String chain, String node, long expected) {
        @Override
        public String toString() {
            return "[" + chain + "] node " + node + " -> " + expected;
        }
    }

    static List<Row> tv4() {
        List<Row> rows = new ArrayList<>();
        String single = "1.1.13";
        for (String v : List.of("1.0.12", "1.0.4", "1.0.1")) {
            rows.add(new Row(single, v, 10));
        }
        rows.add(new Row(single, "0.1.12", 100));
        rows.add(new Row(single, "1.1.12", 1));
        rows.add(new Row(single, "1.1.11", 2));
        rows.add(new Row(single, "1.1.9", 4));
        for (String v : List.of("1.1.13", "1.1.14", "1.2.0", "2.0.0")) {
            rows.add(new Row(single, v, 0));
        }
        for (String v : List.of("1.1.15", "1.3.0", "3.0.0")) {
            rows.add(new Row(single, v, 100));
        }

        String patches = "1.1.13,1.1.14,1.1.15,1.1.16";
        rows.add(new Row(patches, "1.0.12", 13));
        rows.add(new Row(patches, "1.0.4", 13));
        rows.add(new Row(patches, "1.0.1", 13));
        rows.add(new Row(patches, "0.1.12", 103));
        rows.add(new Row(patches, "1.1.12", 4));
        rows.add(new Row(patches, "1.1.11", 5));
        rows.add(new Row(patches, "1.1.9", 7));
        rows.add(new Row(patches, "1.1.16", 0));
        rows.add(new Row(patches, "1.1.15", 1));
        rows.add(new Row(patches, "1.1.14", 2));
        rows.add(new Row(patches, "1.1.13", 3));
        rows.add(new Row(patches, "1.1.17", 0));
        rows.add(new Row(patches, "1.2.0", 0));
        rows.add(new Row(patches, "1.1.18", 100));

        String minors = "1.2.0,1.3.0,1.4.0";
        for (String v : List.of("1.0.0", "1.0.12", "1.0.99")) {
            rows.add(new Row(minors, v, 40));
        }
        rows.add(new Row(minors, "0.1.12", 120));
        for (String v : List.of("1.1.0", "1.1.13", "1.1.99")) {
            rows.add(new Row(minors, v, 30));
        }
        rows.add(new Row(minors, "1.2.0", 20));
        rows.add(new Row(minors, "1.2.1", 20));
        rows.add(new Row(minors, "1.3.0", 10));
        rows.add(new Row(minors, "1.3.3", 10));
        rows.add(new Row(minors, "1.4.2", 100));

        String mixed = "1.1.13,1.2.0,1.2.1,1.3.0,1.3.1-importantpre,1.3.1,1.3.2,1.4.0";
        rows.add(new Row(mixed, "1.0.12", 44));
        rows.add(new Row(mixed, "0.1.12", 134));
        rows.add(new Row(mixed, "1.1.12", 35));
        rows.add(new Row(mixed, "1.1.13", 34));
        rows.add(new Row(mixed, "1.2.0", 24));
        rows.add(new Row(mixed, "1.2.1", 23));
        rows.add(new Row(mixed, "1.2.3", 21));
        rows.add(new Row(mixed, "1.3.0", 13));
        rows.add(new Row(mixed, "1.3.1-importantpre", 12));
        rows.add(new Row(mixed, "1.3.1", 11));
        rows.add(new Row(mixed, "1.3.2", 10));
        rows.add(new Row(mixed, "1.3.69", 10));
        rows.add(new Row(mixed, "1.4.0", 0));

        String skippedPatch = "1.1.13,1.2.0,1.2.1,1.2.4";
        rows.add(new Row(skippedPatch, "1.2.2", 2));
        rows.add(new Row(skippedPatch, "1.2.1", 3));
        rows.add(new Row(skippedPatch + ",1.3.0", "1.2.2", 12));
        rows.add(new Row(skippedPatch + ",1.3.0", "1.2.1", 13));

        String skippedMinor = "1.1.13,1.2.0,1.2.1,1.4.0";
        rows.add(new Row(skippedMinor, "1.3.0", 10));
        rows.add(new Row(skippedMinor, "1.2.1", 20));
        rows.add(new Row(skippedMinor, "1.2.0", 21));
        rows.add(new Row(skippedMinor + ",1.5.0", "1.4.0", 10));
        rows.add(new Row(skippedMinor + ",1.5.0", "1.3.0", 20));
        rows.add(new Row(skippedMinor + ",1.5.0", "1.2.1", 30));
        rows.add(new Row(skippedMinor + ",1.5.0", "1.2.0", 31));
        return rows;
    }

    static ReleaseHistory chain(String csv) {
        return ReleaseHistory.of(T, csv.split(","));
    }

    @ParameterizedTest
    @MethodSource("tv4")
    void reproducesTv4(Row row) {
        assertThat(chain(row.chain()).versionsBehindFactor(Semver.parse(row.node()), VersionWeights.DEFAULT))
                .isEqualTo(row.expected());
    }

    @Test
    void emptyChainIsZero() {
        assertThat(ReleaseHistory.EMPTY.versionsBehindFactor(Semver.parse("1.1.13"), VersionWeights.DEFAULT)).isZero();
        assertThat(ReleaseHistory.EMPTY.versionsBehindFactor(Semver.parse("0.0.1"), VersionWeights.DEFAULT)).isZero();
    }

    @Test
    void mixedChainStoresTheDocumentedLatestDifference() {
        ReleaseHistory h = chain("1.1.13,1.2.0,1.2.1,1.3.0,1.3.1-importantpre,1.3.1,1.3.2,1.4.0");
        assertThat(h.latest().orElseThrow().differenceSinceGenesis()).isEqualTo(new VersionDifference(0, 3, 3, 1));
        assertThat(h.entries()).extracting(ReleaseEntry::id).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void skippedReleasesAddTheWholeStep() {
        // cumulative(): 1.2.1 -> 1.2.4 is three patch steps; 1.2.1 -> 1.4.0 two minor steps.
        assertThat(chain("1.1.13,1.2.0,1.2.1,1.2.4").latest().orElseThrow().differenceSinceGenesis())
                .isEqualTo(new VersionDifference(0, 1, 4, 0));
        assertThat(chain("1.1.13,1.2.0,1.2.1,1.4.0").latest().orElseThrow().differenceSinceGenesis())
                .isEqualTo(new VersionDifference(0, 3, 1, 0));
    }

    @Test
    void customWeightsApply() {
        VersionWeights w = new VersionWeights(1000, 50, 2, 7);
        ReleaseHistory h = chain("1.1.13,1.2.0,1.2.1,1.3.0,1.3.1-importantpre,1.3.1,1.3.2,1.4.0");
        // 1.3.1-importantpre: diff (0, 1, 1, 1)
        assertThat(h.versionsBehindFactor(Semver.parse("1.3.1-importantpre"), w)).isEqualTo(50 + 2 + 7);
        // cheating ahead costs one major weight
        assertThat(h.versionsBehindFactor(Semver.parse("1.6.0"), w)).isEqualTo(1000);
    }

    @Test
    void buildMetadataDoesNotCountAsAhead() {
        ReleaseHistory h = chain("1.1.13,1.1.14");
        assertThat(h.versionsBehindFactor(Semver.parse("1.1.14+abc"), VersionWeights.DEFAULT)).isZero();
        assertThat(h.versionsBehindFactor(Semver.parse("1.1.13+abc"), VersionWeights.DEFAULT)).isEqualTo(1);
    }

    @Test
    void differentPrereleaseAheadIsOneStep() {
        // is_one_semver_difference: a differing pre-release tag alone is "one step".
        ReleaseHistory h = chain("1.1.13-rc.1");
        assertThat(h.versionsBehindFactor(Semver.parse("1.1.13"), VersionWeights.DEFAULT)).isZero();
        assertThat(h.versionsBehindFactor(Semver.parse("1.1.13-rc.2"), VersionWeights.DEFAULT)).isZero();
    }
}
