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
import net.nym.tokenomics.performance.domain.rewardedset.RewardedRole;
import net.nym.tokenomics.performance.persistence.PerformanceHistoryProjection;
import net.nym.tokenomics.performance.readmodel.NodeEpochPerformanceRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Operators' reads in nym-api's shapes (B.7), from the performance history's PostgreSQL read model (ADR 0012): the
 * annotation and performance from the node's latest row (the newest published epoch that scored it), the history from
 * its rows; only the current role comes from the state in memory. A node id never bonded is a
 * 404; a bonded node without a published result yet has {@code annotation: null} / {@code performance: null}.
 */
@Path("/v1/nym-nodes")
@Produces(MediaType.APPLICATION_JSON)
public class NodeResource {

    public record RoutingScoreView(double score) { }

    public record ConfigScoreView(double score, Long versionsBehind, boolean selfDescribedApiAvailable,
                                  boolean acceptedTermsAndConditions, boolean runsNymNodeBinary) { }

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
    @WithSession
    public Uni<AnnotationResponse> annotation(@PathParam("node_id") long nodeId) {
        requireKnown(nodeId);
        // nym-api's current_role: the node's role in the current (latest) rewarded set, not the scored epoch's.
        String currentRole = app.state().rewardedSet().roleOf(nodeId).map(RewardedRole::displayName).orElse(null);
        return NodeEpochPerformanceRow.latest(nodeId).map(row -> new AnnotationResponse(nodeId, row.map(r ->
                new Annotation(PerformanceHistoryProjection.decimal(r.last24hPerformance).toString(), currentRole,
                        new DetailedPerformance(r.performanceScore, new RoutingScoreView(r.routingScore),
                                new ConfigScoreView(r.configScore, r.versionsBehind, r.selfDescribedApiAvailable,
                                        r.acceptedTermsAndConditions, r.runsNymNodeBinary)),
                        r.epochId, PerformanceHistoryProjection.decimal(r.performance).toString(), r.reasonNames()))
                .orElse(null)));
    }

    @GET
    @Path("/performance/{node_id}")
    @WithSession
    public Uni<PerformanceResponse> performance(@PathParam("node_id") long nodeId) {
        requireKnown(nodeId);
        return NodeEpochPerformanceRow.latest(nodeId).map(row -> new PerformanceResponse(nodeId,
                row.map(r -> PerformanceHistoryProjection.decimal(r.last24hPerformance).toDouble()).orElse(null)));
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

    private void requireKnown(long nodeId) {
        if (app.state().registration(nodeId).isEmpty()) {
            throw RejectedException.of(ErrorKind.NOT_FOUND, "unknown_node", "node_id", "node " + nodeId
                    + " has never been bonded");
        }
    }
}
