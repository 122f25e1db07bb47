package net.nym.tokenomics.performance.domain.config;

import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.domain.version.InvalidSemverException;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import net.nym.tokenomics.performance.domain.version.Semver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * B.4 config score for one release history and parameter set. Not thread-safe: it memoises the score per
 * versions_behind value and per version string (the map is only looked up, never iterated, so it cannot affect
 * any result), because thousands of nodes share a handful of versions and each pow costs tens of microseconds.
 */
public final class ConfigScorer {

    /** The score and the reasons it is zero or reduced. */
    public record Result(ConfigScore score, List<ScoreReason> reasons) {
        public Result {
            reasons = List.copyOf(reasons);
        }
    }

    public static final String NYM_NODE_BINARY = "nym-node";

    private final ReleaseHistory history;
    private final ConfigScoreParams params;
    private final Map<Long, Double> scoreByVersionsBehind = new HashMap<>();
    private final Map<String, Optional<Long>> versionsBehindByVersion = new HashMap<>();

    public ConfigScorer(ReleaseHistory history, ConfigScoreParams params) {
        this.history = history;
        this.params = params;
    }

    /** Scores the node from its latest fact at or before the epoch end (empty = never described). */
    public Result score(Optional<NodeFact> fact) {
        if (fact.isEmpty()) {
            return new Result(ConfigScore.NOT_DESCRIBED, List.of(ScoreReason.NO_SELF_DESCRIPTION));
        }
        return switch (fact.get()) {
            case NodeFact.NodeUnreachable u -> new Result(ConfigScore.NOT_DESCRIBED, List.of(ScoreReason.NODE_UNREACHABLE));
            case NodeFact.NodeDescribed d when !d.reachable() ->
                    new Result(ConfigScore.NOT_DESCRIBED, List.of(ScoreReason.NODE_UNREACHABLE));
            case NodeFact.NodeDescribed d -> scoreDescribed(d);
        };
    }

    private Result scoreDescribed(NodeFact.NodeDescribed d) {
        Optional<Long> vb = versionsBehindByVersion.computeIfAbsent(d.buildVersion(), this::versionsBehind);
        if (vb.isEmpty()) {
            return new Result(ConfigScore.BAD_VERSION, List.of(ScoreReason.BAD_VERSION));
        }
        long versionsBehind = vb.get();
        boolean runs = NYM_NODE_BINARY.equals(d.binaryName());
        boolean tc = d.acceptedTerms();
        List<ScoreReason> reasons = new ArrayList<>(3);
        if (!runs) {
            reasons.add(ScoreReason.NOT_NYM_NODE);
        }
        if (!tc) {
            reasons.add(ScoreReason.TERMS_NOT_ACCEPTED);
        }
        if (versionsBehind > 0) {
            reasons.add(ScoreReason.OUTDATED_VERSION);
        }
        double score = runs && tc ? versionScore(versionsBehind) : 0.0;
        return new Result(new ConfigScore(score, versionsBehind, true, tc, runs), reasons);
    }

    private Optional<Long> versionsBehind(String buildVersion) {
        try {
            return Optional.of(history.versionsBehindFactor(Semver.parse(buildVersion), params.weights()));
        } catch (InvalidSemverException e) {
            return Optional.empty();
        }
    }

    /** {@code penalty ^ (vb ^ penalty_scaling)} in f64, each pow correctly rounded; vb = 0 gives exactly 1. */
    public double versionScore(long versionsBehind) {
        return scoreByVersionsBehind.computeIfAbsent(versionsBehind, vb -> CorrectlyRoundedPow.pow(
                params.penaltyF64(), CorrectlyRoundedPow.pow((double) vb, params.penaltyScalingF64())));
    }
}
