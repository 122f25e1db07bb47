package net.nym.tokenomics.ticketledger.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.ticketledger.application.LedgerView;
import net.nym.tokenomics.ticketledger.domain.ledger.EpochTotals;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayEpochUsage;
import net.nym.tokenomics.ticketledger.domain.ledger.GatewayUsageInEpoch;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ledger.TicketStatus;
import net.nym.tokenomics.ticketledger.domain.ledger.TypeUsage;
import net.nym.tokenomics.ticketledger.persistence.EpochClock;
import net.nym.tokenomics.ticketledger.persistence.TicketUsageProjection;
import net.nym.tokenomics.ticketledger.readmodel.ClosedEpochRow;
import net.nym.tokenomics.ticketledger.readmodel.ClosedGatewayUsageRow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Public reads of the ledger, from this instance's folded state (at most ~1 s behind another instance's writes) and,
 * for closed epochs' usage, from the usage read model (ADR 0012).
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerReadResource {

    static final long MAX_EPOCH_RANGE = 10_000;
    /** Paging as the other services' paged reads (rewards-service, performance-service): per_page 100, at most 1,000. */
    static final int DEFAULT_PER_PAGE = 100;
    static final int MAX_PER_PAGE = 1000;
    private static final long U32_MAX = 0xFFFF_FFFFL;

    private final LedgerView view;
    private final EpochClock epochClock;
    private final DataSource dataSource;

    public LedgerReadResource(LedgerView view, EpochClock epochClock, DataSource dataSource) {
        this.view = view;
        this.epochClock = epochClock;
        this.dataSource = dataSource;
    }

    public record TypeUsageView(String ticketType, long tickets, long bandwidthBytes, Decimal value) {
        static List<TypeUsageView> of(List<TypeUsage> usage) {
            return usage.stream().map(u -> new TypeUsageView(u.type().jsonName(), u.tickets(), u.bytes(), u.value())).toList();
        }
    }

    public record GatewayUsageView(long nodeId, long tickets, long bandwidthBytes, Decimal value, long doubleSpendsRejected,
                                   List<TypeUsageView> byType) {
        static GatewayUsageView of(GatewayEpochUsage u) {
            return new GatewayUsageView(u.gatewayNodeId(), u.tickets(), u.bytes(), u.value(), u.doubleSpendsRejected(),
                    TypeUsageView.of(u.byType()));
        }
    }

    public record DoubleSpendView(long gatewayNodeId, String gateway, long epoch, Instant at, String batchId) {
    }

    public record TicketView(String serial, String status, long gatewayNodeId, String gateway, long epoch,
                             String ticketType, LocalDate spendDate, Instant firstSeenAt, String batchId,
                             List<DoubleSpendView> doubleSpendAttempts) {
    }

    @GET
    @Path("/tickets/{serial}")
    public TicketView ticket(@PathParam("serial") String serial) {
        TicketStatus status = view.read(s -> s.ticketStatus(serial));
        return switch (status) {
            case TicketStatus.Malformed m -> throw RejectedException.of(ErrorKind.INVALID, "malformed_serial", "serial", m.reason());
            case TicketStatus.NotRedeemed n -> throw RejectedException.of(ErrorKind.NOT_FOUND, "not_redeemed", "serial", "serial "
                    + n.serial() + " has not been redeemed" + n.expiredBefore()
                    .map(d -> " (serials spent before " + d + " have been forgotten)").orElse(""));
            case TicketStatus.Redeemed r -> new TicketView(r.serial().base58(), "redeemed", r.firstRedemption().gatewayNodeId(),
                    r.firstRedemption().gateway().base58(), r.firstRedemption().epoch(), r.firstRedemption().type().jsonName(),
                    r.firstRedemption().spendDate(), r.firstRedemption().firstSeenAt(), r.firstRedemption().batchId(),
                    r.doubleSpendAttempts().stream().map(a -> new DoubleSpendView(a.gatewayNodeId(), a.gateway().base58(),
                            a.epoch(), a.at(), a.batchId())).toList());
        };
    }

    public record GatewayView(long nodeId, String identity, boolean bonded) {
    }

    /** What the ledger knows of a gateway node from the registry (rewards-service's NodeBonded / NodeUnbonded). */
    @GET
    @Path("/gateways/{node_id}")
    public GatewayView gateway(@PathParam("node_id") long nodeId) {
        return view.read(s -> s.gateway(nodeId)).map(g -> new GatewayView(g.nodeId(), g.identity().base58(), g.bonded()))
                .orElseThrow(() -> RejectedException.of(ErrorKind.NOT_FOUND, "unknown_gateway", "node_id",
                        "no gateway node " + nodeId + " in the registry"));
    }

    public record EpochUsageRow(long epoch, boolean closed, long tickets, long bandwidthBytes, Decimal value,
                                long doubleSpendsRejected, List<TypeUsageView> byType) {
    }

    /**
     * One page of a gateway's usage in {@code from_epoch..to_epoch}: {@code epochs} holds the page's rows, ascending by
     * epoch; {@code total} is how many epochs of the range the gateway has usage in (closed and open together), so the
     * pages run from 0 to {@code ceil(total / per_page) - 1}, and a page past the end is empty.
     */
    public record GatewayUsageResponse(long nodeId, long fromEpoch, long toEpoch, int page, int perPage, long total,
                                       List<EpochUsageRow> epochs) {
    }

    /**
     * A gateway's usage per epoch in a range, one page at a time: closed epochs from the usage read model (final), open
     * ones from the fold (running). The last closed epoch is read with the open usage, so the two parts meet without a
     * gap or an overlap; every closed epoch comes before every open one, so the page is cut from the closed rows (a
     * range of the read model's query) followed by the open ones.
     */
    @GET
    @Path("/gateways/{node_id}/usage")
    @WithSession
    public Uni<GatewayUsageResponse> gatewayUsage(
            @PathParam("node_id") long nodeId,
            @Parameter(description = "first epoch of the range (default: the last " + MAX_EPOCH_RANGE + " epochs up to to_epoch)")
            @QueryParam("from_epoch") Long fromEpoch,
            @Parameter(description = "last epoch of the range, at most " + MAX_EPOCH_RANGE
                    + " epochs after from_epoch (default: the running epoch)")
            @QueryParam("to_epoch") Long toEpoch,
            @Parameter(description = "page number, from 0", schema = @Schema(minimum = "0"))
            @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "epochs per page", schema = @Schema(minimum = "1", maximum = "" + MAX_PER_PAGE))
            @QueryParam("per_page") @DefaultValue("" + DEFAULT_PER_PAGE) int perPage) {
        if (nodeId < 0 || nodeId > U32_MAX) {
            throw RejectedException.invalid("node_id", "node ids are u32, got " + nodeId);
        }
        if (page < 0) {
            throw RejectedException.of(ErrorKind.INVALID, "invalid_page", "page", "must be non-negative, got " + page);
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw RejectedException.of(ErrorKind.INVALID, "invalid_per_page", "per_page", "must be within 1.."
                    + MAX_PER_PAGE + ", got " + perPage);
        }
        // Default range: the last MAX_EPOCH_RANGE epochs up to the running one (the clock as of the last catch-up).
        long open = view.read(s -> s.openEpoch().orElse(0));
        long running = Math.max(open, view.epochClock().orElse(0));
        long to = toEpoch != null ? toEpoch : Math.max(running, fromEpoch == null ? 0 : fromEpoch);
        long from = fromEpoch != null ? fromEpoch : Math.max(0, to - (MAX_EPOCH_RANGE - 1));
        if (from < 0 || to < 0) {
            throw RejectedException.invalid(from < 0 ? "from_epoch" : "to_epoch", "epochs are not negative");
        }
        if (from > to) {
            throw RejectedException.invalid("from_epoch", "from_epoch " + from + " is after to_epoch " + to);
        }
        if (to - from >= MAX_EPOCH_RANGE) {
            throw RejectedException.invalid("to_epoch", "at most " + MAX_EPOCH_RANGE + " epochs per request");
        }
        record Folded(long lastClosed, List<GatewayUsageInEpoch> openRows) {
        }
        Folded folded = view.read(s -> new Folded(s.lastClosedEpoch().orElse(-1), s.gatewayUsage(nodeId, from, to)));
        long closedTo = Math.min(to, folded.lastClosed());
        long offset = (long) page * perPage;
        Uni<Long> closedCount = closedTo < from ? Uni.createFrom().item(0L)
                : ClosedGatewayUsageRow.countOfGateway(nodeId, from, closedTo);
        return closedCount.flatMap(closedTotal -> {
            // At most MAX_EPOCH_RANGE closed rows: a page that starts among them has an int offset.
            Uni<List<EpochUsageRow>> closed = offset >= closedTotal ? Uni.createFrom().item(List.of())
                    : ClosedGatewayUsageRow.ofGateway(nodeId, from, closedTo, (int) offset, perPage)
                    .map(rows -> rows.stream().map(r -> new EpochUsageRow(r.epochId, true, r.tickets, r.bandwidthBytes,
                            TicketUsageProjection.decimal(r.value), r.doubleSpendsRejected, byType(r.byType))).toList());
            return closed.map(c -> {
                List<EpochUsageRow> rows = new ArrayList<>(c);
                List<GatewayUsageInEpoch> openRows = folded.openRows();
                int skip = (int) Math.min(openRows.size(), Math.max(0, offset - closedTotal));
                for (GatewayUsageInEpoch r : openRows.subList(skip, openRows.size())) {
                    if (rows.size() == perPage) {
                        break;
                    }
                    rows.add(new EpochUsageRow(r.epoch(), false, r.usage().tickets(), r.usage().bytes(),
                            r.usage().value(), r.usage().doubleSpendsRejected(), TypeUsageView.of(r.usage().byType())));
                }
                return new GatewayUsageResponse(nodeId, from, to, page, perPage, closedTotal + openRows.size(), rows);
            });
        });
    }

    public record EpochUsageResponse(long epoch, boolean closed, long totalTickets, long totalBandwidthBytes,
                                     Decimal feeIncome, List<TypeUsageView> totals, List<GatewayUsageView> gateways,
                                     String stateDigest) {
    }

    /** An epoch's usage: final from the read model once closed, running from the fold while open. */
    @GET
    @Path("/epochs/{epoch}/usage")
    @WithSession
    public Uni<EpochUsageResponse> epochUsage(@PathParam("epoch") long epoch) {
        if (epoch < 0) {
            throw RejectedException.invalid("epoch", "epochs are not negative");
        }
        Optional<EpochTotals> running = view.read(s -> s.epochTotals(epoch));
        if (running.isPresent()) {
            EpochTotals t = running.get();
            return Uni.createFrom().item(new EpochUsageResponse(t.epoch(), false, t.totalTickets(), t.totalBytes(),
                    t.feeIncome(), TypeUsageView.of(t.totals()), t.gateways().stream().map(GatewayUsageView::of).toList(), null));
        }
        return ClosedEpochRow.of(epoch).flatMap(e -> {
            if (e == null) {
                throw RejectedException.of(ErrorKind.NOT_FOUND, "unknown_epoch", "epoch",
                        "epoch " + epoch + " closed before this ledger's log began");
            }
            return ClosedGatewayUsageRow.ofEpoch(epoch).map(gateways -> new EpochUsageResponse(epoch, true, e.totalTickets,
                    e.totalBytes, TicketUsageProjection.decimal(e.feeIncome), byType(e.totals),
                    gateways.stream().map(g -> new GatewayUsageView(g.gatewayNodeId, g.tickets, g.bandwidthBytes,
                            TicketUsageProjection.decimal(g.value), g.doubleSpendsRejected, byType(g.byType))).toList(),
                    e.stateDigest));
        });
    }

    /** Usage by type as the read model stores it: JSON in this body's shape ({@link TicketUsageProjection}). */
    private static List<TypeUsageView> byType(String json) {
        try {
            return List.of(Json.read(json, TypeUsageView[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("usage read model: unreadable usage by type " + json, e);
        }
    }

    public record CurrentEpochResponse(Long epochClock, Long openEpoch, Long lastClosedEpoch, int indexedSerials,
                                       long logVersion) {
    }

    @GET
    @Path("/epochs/current")
    public CurrentEpochResponse current() {
        OptionalLong clock = Transactions.inTransaction(dataSource, epochClock::current);
        return view.read((LedgerState s) -> new CurrentEpochResponse(
                clock.isPresent() ? clock.getAsLong() : null,
                s.openEpoch().isPresent() ? s.openEpoch().getAsLong() : null,
                s.lastClosedEpoch().isPresent() ? s.lastClosedEpoch().getAsLong() : null,
                s.indexedSerials(), view.version()));
    }
}
