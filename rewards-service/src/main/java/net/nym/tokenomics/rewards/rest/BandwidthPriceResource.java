package net.nym.tokenomics.rewards.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.application.LedgerView;
import net.nym.tokenomics.rewards.domain.NodeRecord;
import net.nym.tokenomics.rewards.domain.pricing.BandwidthPrice;
import net.nym.tokenomics.rewards.domain.pricing.LinearCost;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.readmodel.EpochTotalsRow;
import net.nym.tokenomics.rewards.readmodel.NodeEpochReward;
import net.nym.tokenomics.rewards.readmodel.NodeEpochRewardRow;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/epoch/bandwidth-price?packets=E[M][&surplus=τ][&packet=x]}: the paper's bandwidth price (§3.3, eq. 1)
 * for the rewarded set of the latest rewarded epoch and its nodes' declared costs. Nym's declared costs are flat, so
 * {@code C_i(x) = interval_operating_cost / epochs_in_interval}; the nodes with the largest work factor are
 * {@code Mix}, the others {@code Idl}; {@code L = 3}, {@code W = mixnodes / 3} from the reward params. Amounts in uNYM.
 */
@Path("/v1/epoch/bandwidth-price")
@Produces(MediaType.APPLICATION_JSON)
public class BandwidthPriceResource {

    private static final long MAX_PACKETS = 1_000_000_000_000_000L;
    private static final Decimal MAX_SURPLUS = Decimal.of(1_000_000_000L);
    private static final int LAYERS = 3;

    private final LedgerService ledger;

    public BandwidthPriceResource(LedgerService ledger) {
        this.ledger = ledger;
    }

    public record BandwidthPriceResponse(long epochId, int layers, int width, long expectedPackets, Decimal surplus,
                                         int mixNodes, int idleNodes, Decimal combinedFixedCost, long packet,
                                         Decimal feePerPacket, Decimal feesForExpectedPackets, Decimal expectedCost,
                                         Decimal expectedSurplus) { }

    @GET
    @WithSession
    public Uni<BandwidthPriceResponse> quote(@QueryParam("packets") String packets, @QueryParam("surplus") String surplus,
                                        @QueryParam("packet") String packet) {
        long expected = bounded("packets", packets, 1, MAX_PACKETS);
        long x = packet == null ? 1 : bounded("packet", packet, 1, expected);
        Decimal tau = surplus(surplus);
        return EpochTotalsRow.latest().flatMap(last -> {
            if (last == null) {
                throw RejectedException.of(ErrorKind.NOT_READY, "no_rewarded_epoch", "epoch", "no epoch has been rewarded yet");
            }
            return NodeEpochRewardRow.ofEpoch(last.epochId()).map(epochRows -> ledger.read(v -> quote(v, last.epochId(), epochRows,
                    expected, x, tau)));
        });
    }

    /** The quote from the last rewarded epoch's rows (ascending node id) of the nodes the ledger still has. */
    private static BandwidthPriceResponse quote(LedgerView v, long epoch, List<NodeEpochReward> epochRows, long expected, long x,
                                                Decimal tau) {
        RewardingParams params = v.ledger().globals().params();
        List<NodeEpochReward> rows = new ArrayList<>();
        Decimal maxWork = Decimal.ZERO;
        for (NodeEpochReward row : epochRows) {
            if (v.ledger().node(row.nodeId()).isPresent() && "rewarded".equals(row.outcome())) {
                rows.add(row);
                maxWork = maxWork.max(row.workFactor());
            }
        }
        if (rows.isEmpty()) {
            throw RejectedException.of(ErrorKind.NOT_READY, "no_rewarded_node", "epoch", "no node was rewarded in epoch " + epoch);
        }
        List<LinearCost> mix = new ArrayList<>();
        List<LinearCost> idle = new ArrayList<>();
        for (NodeEpochReward row : rows) {
            NodeRecord node = v.ledger().node(row.nodeId()).orElseThrow();
            LinearCost cost = LinearCost.flat(node.rewarding().costParams().epochOperatingCost(params.epochsInInterval()));
            (row.workFactor().equals(maxWork) ? mix : idle).add(cost);
        }
        int width = Math.max(1, params.rewardedSet().mixnodes() / LAYERS);
        BandwidthPrice price = new BandwidthPrice(LAYERS, width, expected, tau, mix, idle);
        return new BandwidthPriceResponse(epoch, LAYERS, width, expected, tau, mix.size(), idle.size(),
                price.combinedCost(0), x, price.fee(x), price.revenue(expected), price.expectedCost(),
                price.expectedSurplus());
    }

    private static long bounded(String field, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            throw RejectedException.invalid(field, "required");
        }
        if (value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw RejectedException.invalid(field, "must be a whole number of packets");
        }
        // 19 digits can exceed a long: compare before converting
        java.math.BigInteger n = new java.math.BigInteger(value);
        if (n.compareTo(java.math.BigInteger.valueOf(min)) < 0 || n.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            throw RejectedException.invalid(field, "must be between " + min + " and " + max);
        }
        return n.longValueExact();
    }

    private static Decimal surplus(String value) {
        if (value == null) {
            return Decimal.ZERO;
        }
        if (value.length() > 40) {
            throw RejectedException.invalid("surplus", "too long");
        }
        Decimal tau;
        try {
            tau = Decimal.parse(value);
        } catch (RuntimeException e) {
            throw RejectedException.invalid("surplus", "must be a non-negative decimal (uNYM per packet)");
        }
        if (tau.greaterThan(MAX_SURPLUS)) {
            throw RejectedException.invalid("surplus", "must be at most " + MAX_SURPLUS);
        }
        return tau;
    }
}
