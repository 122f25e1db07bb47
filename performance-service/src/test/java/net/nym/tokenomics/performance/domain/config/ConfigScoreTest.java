package net.nym.tokenomics.performance.domain.config;

import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeRoles;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigScoreTest {

    private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");
    private static final ReleaseHistory MIXED = ReleaseHistory.of(T, "1.1.13", "1.2.0", "1.2.1", "1.3.0",
            "1.3.1-importantpre", "1.3.1", "1.3.2", "1.4.0");

    /** TV-5: {@code 0.995^(vb^1.65)}; compared as exact bits via the shortest round-trip text. */
    @ParameterizedTest
    @CsvSource({
            "0, 1.0",
            "1, 0.995",
            "2, 0.9843920441566864",
            "3, 0.969754823589744",
            "4, 0.9518295513677942",
            "5, 0.9311413619794894",
            "10, 0.7993934560985294",
            "13, 0.708082239151022",
            "20, 0.49525630942395443",
            "30, 0.25363613293252435",
            "100, 4.533932489975269e-05",
            "134, 9.122634995850244e-08"
    })
    void reproducesTv5(long versionsBehind, String expected) {
        double score = new ConfigScorer(ReleaseHistory.EMPTY, ConfigScoreParams.DEFAULT).versionScore(versionsBehind);
        assertThat(Double.doubleToRawLongBits(score)).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(expected)));
    }

    @Test
    void defaultParametersConvertToTheExactDoubles() {
        assertThat(ConfigScoreParams.DEFAULT.penaltyF64()).isEqualTo(0.995);
        assertThat(ConfigScoreParams.DEFAULT.penaltyScalingF64()).isEqualTo(1.65);
    }

    private static NodeFact.NodeDescribed described(String binary, String version, boolean terms) {
        return new NodeFact.NodeDescribed(7, T, true, binary, version, new NodeRoles(true, false, false), terms);
    }

    private static ConfigScorer.Result score(NodeFact fact) {
        return new ConfigScorer(MIXED, ConfigScoreParams.DEFAULT).score(Optional.ofNullable(fact));
    }

    @Test
    void compliantNodeOnAnOlderVersion() {
        // 1.3.0 is 13 behind on the mixed chain (TV-4), and 0.995^(13^1.65) is TV-5's 0.708082239151022.
        var r = score(described("nym-node", "1.3.0", true));
        assertThat(r.score()).isEqualTo(new ConfigScore(0.708082239151022, 13L, true, true, true));
        assertThat(r.reasons()).containsExactly(ScoreReason.OUTDATED_VERSION);
    }

    @Test
    void compliantNodeOnTheLatestVersionScoresOne() {
        var r = score(described("nym-node", "1.4.0", true));
        assertThat(r.score()).isEqualTo(new ConfigScore(1.0, 0L, true, true, true));
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void noSelfDescriptionScoresZeroWithAllFlagsFalse() {
        var r = score(null);
        assertThat(r.score()).isEqualTo(new ConfigScore(0.0, null, false, false, false));
        assertThat(r.reasons()).containsExactly(ScoreReason.NO_SELF_DESCRIPTION);
    }

    @Test
    void unreachableNodeIsTreatedAsNotDescribed() {
        assertThat(score(new NodeFact.NodeUnreachable(7, T, "timeout")))
                .isEqualTo(new ConfigScorer.Result(ConfigScore.NOT_DESCRIBED, List.of(ScoreReason.NODE_UNREACHABLE)));
        assertThat(score(new NodeFact.NodeDescribed(7, T, false, "nym-node", "1.4.0", NodeRoles.NONE, true)))
                .isEqualTo(new ConfigScorer.Result(ConfigScore.NOT_DESCRIBED, List.of(ScoreReason.NODE_UNREACHABLE)));
    }

    @Test
    void badSemverReportsFalseFlagsEvenForACompliantNode() {
        var r = score(described("nym-node", "v1.4.0", true));
        assertThat(r.score()).isEqualTo(new ConfigScore(0.0, null, true, false, false));
        assertThat(r.reasons()).containsExactly(ScoreReason.BAD_VERSION);
    }

    @Test
    void otherBinaryScoresZeroButKeepsVersionsBehind() {
        var r = score(described("nym-mixnode", "1.3.2", true));
        assertThat(r.score()).isEqualTo(new ConfigScore(0.0, 10L, true, true, false));
        assertThat(r.reasons()).containsExactly(ScoreReason.NOT_NYM_NODE, ScoreReason.OUTDATED_VERSION);
    }

    @Test
    void termsNotAcceptedScoresZero() {
        var r = score(described("nym-node", "1.4.0", false));
        assertThat(r.score()).isEqualTo(new ConfigScore(0.0, 0L, true, false, true));
        assertThat(r.reasons()).containsExactly(ScoreReason.TERMS_NOT_ACCEPTED);
    }

    @Test
    void bothNotNymNodeAndNoTerms() {
        var r = score(described("nym-gateway", "1.4.0", false));
        assertThat(r.score()).isEqualTo(new ConfigScore(0.0, 0L, true, false, false));
        assertThat(r.reasons()).containsExactly(ScoreReason.NOT_NYM_NODE, ScoreReason.TERMS_NOT_ACCEPTED);
    }
}
