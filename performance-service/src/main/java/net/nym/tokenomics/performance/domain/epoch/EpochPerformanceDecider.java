package net.nym.tokenomics.performance.domain.epoch;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.performance.domain.BondedNode;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.ScoreReason;
import net.nym.tokenomics.performance.domain.config.ConfigScorer;
import net.nym.tokenomics.performance.domain.routing.Measurement;
import net.nym.tokenomics.performance.domain.routing.NodeMeasurements;
import net.nym.tokenomics.performance.domain.routing.RoutingProvider;
import net.nym.tokenomics.performance.domain.routing.RoutingScore;
import net.nym.tokenomics.performance.domain.routing.ScoringWindow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decide/evolve for per-epoch performance (B.1, B.2, B.4, B.5). */
public final class EpochPerformanceDecider {

    private EpochPerformanceDecider() {
    }

    public sealed interface EpochRejection extends Rejection {

        @Override
        default String code() {
            return Rejection.codeOf(getClass());
        }

        record AlreadyComputed(long epoch) implements EpochRejection {
            public ErrorKind kind() {
                return ErrorKind.CONFLICT;
            }

            public String field() {
                return "epoch";
            }

            public String reason() {
                return "performance for epoch " + epoch + " was already computed and is never recomputed";
            }
        }

        record DuplicateBondedNode(long nodeId) implements EpochRejection {
            public ErrorKind kind() {
                return ErrorKind.INVALID;
            }

            public String field() {
                return "bonded_nodes";
            }

            public String reason() {
                return "node " + nodeId + " is listed more than once";
            }
        }
    }

    public static Decision<EpochPerformanceComputed, EpochRejection> decide(ComputeEpochPerformance command,
                                                                           EpochPerformanceLedger state) {
        if (state.isComputed(command.epoch())) {
            return Decision.reject(new EpochRejection.AlreadyComputed(command.epoch()));
        }
        List<BondedNode> nodes = new ArrayList<>(command.bondedNodes());
        nodes.sort((a, b) -> Long.compare(a.nodeId(), b.nodeId()));
        for (int i = 1; i < nodes.size(); i++) {
            if (nodes.get(i).nodeId() == nodes.get(i - 1).nodeId()) {
                return Decision.reject(new EpochRejection.DuplicateBondedNode(nodes.get(i).nodeId()));
            }
        }
        return Decision.accept(compute(command, nodes));
    }

    public static EpochPerformanceLedger evolve(EpochPerformanceLedger state, EpochPerformanceComputed event) {
        return state.with(event.epoch());
    }

    /**
     * One pass over the measurements groups in-window rows by node (a hash map used only for lookup; results are
     * produced by walking the id-sorted bonded list), then each node is scored from its totals: O(rows + nodes).
     */
    private static EpochPerformanceComputed compute(ComputeEpochPerformance command, List<BondedNode> sortedNodes) {
        PerformanceConfig config = command.config();
        ScoringWindow window = ScoringWindow.endingAt(command.epochEnd(), config.window());
        boolean keepPerMonitor = config.routingProvider() == RoutingProvider.MEDIAN;

        Map<Long, NodeMeasurements> byNode = new HashMap<>(sortedNodes.size() * 2);
        for (BondedNode n : sortedNodes) {
            byNode.put(n.nodeId(), new NodeMeasurements(keepPerMonitor));
        }
        for (Measurement m : command.measurements()) {
            if (window.contains(m.recordedAt())) {
                NodeMeasurements acc = byNode.get(m.nodeId());
                if (acc != null) {
                    acc.add(m);
                }
            }
        }

        ConfigScorer configScorer = new ConfigScorer(command.releases(), config.configScore());
        List<NodePerformance> results = new ArrayList<>(sortedNodes.size());
        for (BondedNode node : sortedNodes) {
            NodeMeasurements acc = byNode.get(node.nodeId());
            RoutingScore routing = acc.score(config.routingProvider());
            ConfigScorer.Result configResult = configScorer.score(
                    command.selfDescriptions().latestAtOrBefore(node.nodeId(), command.epochEnd()));

            EnumSet<ScoreReason> reasons = EnumSet.noneOf(ScoreReason.class);
            if (routing.measurementCount() == 0) {
                reasons.add(ScoreReason.NO_MEASUREMENTS);
            } else if (routing.score() == 0.0) {
                reasons.add(ScoreReason.ZERO_RELIABILITY);
            }
            reasons.addAll(configResult.reasons());

            double performanceScore = routing.score() * configResult.score().score();
            results.add(new NodePerformance(node.nodeId(), node.identity(), routing.score(), routing.measurementCount(),
                    configResult.score(), performanceScore, Percent.naiveFromF64OrZero(performanceScore),
                    LegacyPerformance.fromPerformanceScore(performanceScore), List.copyOf(reasons)));
        }
        return new EpochPerformanceComputed(command.epoch(), window.start(), window.end(), config.routingProvider(),
                results);
    }
}
