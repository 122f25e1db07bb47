package net.nym.tokenomics.performance.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.domain.config.ConfigScore;
import net.nym.tokenomics.performance.domain.epoch.NodePerformance;
import net.nym.tokenomics.performance.domain.rewardedset.RewardedRole;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.EpochPerformancePublished;
import net.nym.tokenomics.performance.readmodel.NodeEpochPerformanceRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Operators' reads in nym-api's shapes (B.7): the annotation and performance from the latest published epoch results
 * in memory, the history from its PostgreSQL read model (ADR 0012). A node id never bonded is a
 * 404; a bonded node without a published result yet has {@code annotation: null} / {@code performance: null}.
 */
@Path("/v1/nym-nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    public record RoutingScoreView(double score) { }

    public record ConfigScoreView(double score, Long versionsBehind, boolean selfDescribedApiAvailable,
                                  boolean acceptedTermsAndConditions, boolean runsNymNodeBinary) {
        static ConfigScoreView of(ConfigScore c) {
            return new ConfigScoreView(c.score(), c.versionsBehind(), c.selfDescribedApiAvailable(),
                    c.acceptedTermsAndConditions(), c.runsNymNodeBinary());
        }
    }

    public record DetailedPerformance(double performanceScore, RoutingScoreView routingScore, ConfigScoreView configScore) { }

    public record Annotation(@JsonProperty("last_24h_performance") String last24hPerformance, String currentRole,
                             DetailedPerformance detailedPerformance, long epochId, String performance,
                             List<String> reasons) { }

    public record AnnotationResponse(long nodeId, Annotation annotation) { }

    public record PerformanceResponse(long nodeId, Double performance) { }

    public record Pagination(long total, int page, int size) { }

    public record HistoryEntry(long epochId, LocalDate date, Instant timestamp, double performance) { }

    public record History(Pagination pagination, List<HistoryEntry> data) { }

    public record HistoryResponse(long nodeId, History history) { }

    private final PerformanceApplication app;

    public NodeResource(PerformanceApplication app) {
        this.app = app;
    }

    @GET
    @Path("/annotation/{node_id}")
    public AnnotationResponse annotation(@PathParam("node_id") long nodeId) {
        requireKnown(nodeId);
        // nym-api's current_role: the node's role in the current (latest) rewarded set, not the scored epoch's.
        String currentRole = app.state().rewardedSet().roleOf(nodeId).map(RewardedRole::displayName).orElse(null);
        return new AnnotationResponse(nodeId, latest(nodeId).map(p -> {
            NodePerformance n = p.node();
            return new Annotation(n.last24hPerformance().toString(), currentRole,
                    new DetailedPerformance(n.performanceScore(), new RoutingScoreView(n.routingScore()),
                            ConfigScoreView.of(n.configScore())),
                    p.epoch(), n.performance().toString(), n.reasons().stream().map(Enum::name).toList());
        }).orElse(null));
    }

    @GET
    @Path("/performance/{node_id}")
    public PerformanceResponse performance(@PathParam("node_id") long nodeId) {
        requireKnown(nodeId);
        return new PerformanceResponse(nodeId, latest(nodeId).map(p -> p.node().last24hPerformance().toDouble()).orElse(null));
    }

    /**
     * The node's published performance per epoch, newest first, from the history table (every epoch, not only the
     * retained ones), optionally within {@code from_epoch..to_epoch}.
     */
    @GET
    @Path("/performance-history/{node_id}")
    @WithSession
    public Uni<HistoryResponse> history(@PathParam("node_id") long nodeId, @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("per_page") @DefaultValue("100") int perPage,
                                        @QueryParam("from_epoch") @DefaultValue("0") long fromEpoch,
                                        @QueryParam("to_epoch") @DefaultValue("9223372036854775807") long toEpoch) {
        requireKnown(nodeId);
        if (page < 0) {
            throw RejectedException.of(ErrorKind.INVALID, "invalid_page", "page", "must be non-negative");
        }
        if (perPage < 1 || perPage > 1000) {
            throw RejectedException.of(ErrorKind.INVALID, "invalid_per_page", "per_page", "must be within 1..1000");
        }
        if (fromEpoch < 0 || toEpoch < fromEpoch) {
            throw RejectedException.of(ErrorKind.INVALID, "invalid_epoch_range", "from_epoch", "must be >= 0 and <= to_epoch");
        }
        return NodeEpochPerformanceRow.countOf(nodeId, fromEpoch, toEpoch).flatMap(total ->
                NodeEpochPerformanceRow.page(nodeId, fromEpoch, toEpoch, page, perPage).map(rows -> new HistoryResponse(nodeId,
                        new History(new Pagination(total, page, perPage), rows.stream().map(r -> new HistoryEntry(r.epochId,
                                LocalDate.ofInstant(r.windowEnd, ZoneOffset.UTC), r.windowEnd, r.performanceValue())).toList()))));
    }

    private record Found(long epoch, NodePerformance node) { }

    private Optional<Found> latest(long nodeId) {
        for (EpochPerformancePublished p : app.state().epochsNewestFirst()) {
            Optional<NodePerformance> n = find(p, nodeId);
            if (n.isPresent()) {
                return Optional.of(new Found(p.epoch(), n.get()));
            }
        }
        return Optional.empty();
    }

    /** Results are sorted by node id: binary search. */
    private static Optional<NodePerformance> find(EpochPerformancePublished p, long nodeId) {
        List<NodePerformance> nodes = p.result().nodes();
        int lo = 0;
        int hi = nodes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long id = nodes.get(mid).nodeId();
            if (id == nodeId) {
                return Optional.of(nodes.get(mid));
            }
            if (id < nodeId) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }

    private void requireKnown(long nodeId) {
        if (app.state().registration(nodeId).isEmpty()) {
            throw RejectedException.of(ErrorKind.NOT_FOUND, "unknown_node", "node_id", "node " + nodeId
                    + " has never been bonded");
        }
    }
}
