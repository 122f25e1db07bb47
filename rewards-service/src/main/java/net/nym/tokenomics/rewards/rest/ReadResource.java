package net.nym.tokenomics.rewards.rest;

import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.application.LedgerView;
import net.nym.tokenomics.rewards.readmodel.DelegationChange;
import net.nym.tokenomics.rewards.readmodel.DelegationChangeRow;
import net.nym.tokenomics.rewards.readmodel.EpochTotals;
import net.nym.tokenomics.rewards.readmodel.EpochTotalsRow;
import net.nym.tokenomics.rewards.readmodel.NodeEpochReward;
import net.nym.tokenomics.rewards.readmodel.NodeEpochRewardRow;
import net.nym.tokenomics.rewards.domain.Delegation;
import net.nym.tokenomics.rewards.domain.MixnetLedger;
import net.nym.tokenomics.rewards.domain.NodeBond;
import net.nym.tokenomics.rewards.domain.NodeRecord;
import net.nym.tokenomics.rewards.domain.RewardEstimates;
import net.nym.tokenomics.rewards.domain.rewarding.IntervalRewardParams;
import net.nym.tokenomics.rewards.domain.rewarding.NodeRewarding;
import net.nym.tokenomics.rewards.domain.rewarding.RewardSplit;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import java.util.ArrayList;
import java.util.List;

/**
 * Public reads for dashboards. The current state comes from the in-memory fold of the log; the history (rewards per
 * node and epoch, epoch totals, delegation changes) from its PostgreSQL read models, through Hibernate Reactive
 * ({@code Uni} results, ADR 0012). Amounts in uNYM, decimals as strings.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReadResource {

    private static final int MAX_PER_PAGE = 1000;

    private final LedgerService ledger;

    public ReadResource(LedgerService ledger) {
        this.ledger = ledger;
    }

    public record RewardParamsResponse(IntervalRewardParams interval, RewardedSetParams rewardedSet) { }

    public record StakeSaturationResponse(Decimal saturation, Decimal uncappedSaturation, long asAt) { }

    public record Page<T>(int page, int perPage, long total, List<T> items) { }

    public record NodeResponse(long nodeId, String owner, String identityKey, String host, Integer httpPort,
                               IntegrationEvents.NodeRoles roles, String stage, Unym pledge, Decimal operator, Decimal delegates,
                               Decimal saturation, Percent profitMarginPercent, Unym intervalOperatingCost, int delegations,
                               long lastRewardedEpoch) { }

    public record DelegationResponse(long nodeId, String owner, Unym amount, Decimal accruedReward, Decimal currentValue,
                                     long sinceEpoch) { }

    public record EstimateResponse(long nodeId, long epochId, Percent assumedPerformance, Decimal assumedWorkFactor,
                                   Decimal nodeReward, Decimal operatorReward, Decimal delegatesReward, Decimal annualisedReturn) { }

    public record DelegationEstimateResponse(long nodeId, long epochId, Unym amount, Percent assumedPerformance,
                                             Decimal assumedWorkFactor, Decimal nextEpochReward, Decimal annualisedReturn) { }

    public record BondingNonce(long nonce) { }

    public record EpochResponse(long epochId, long currentEpoch, EpochTotals totals) { }

    @GET
    @Path("/epoch/reward_params")
    public RewardParamsResponse rewardParams() {
        return ledger.read(v -> {
            RewardingParams p = v.ledger().globals().params();
            return new RewardParamsResponse(p.interval(), p.rewardedSet());
        });
    }

    @GET
    @Path("/nym-nodes/stake-saturation/{nodeId}")
    public StakeSaturationResponse stakeSaturation(@PathParam("nodeId") long nodeId) {
        return ledger.read(v -> {
            NodeRecord n = bonded(v.ledger(), nodeId);
            Decimal sat = v.ledger().globals().params().stakeSaturationPoint();
            return new StakeSaturationResponse(n.rewarding().bondSaturation(sat), n.rewarding().bond().div(sat),
                    v.ledger().globals().clock().currentEpochStart().getEpochSecond());
        });
    }

    @GET
    @Path("/nodes")
    public Page<NodeResponse> nodes(@QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("per_page") @DefaultValue("100") int perPage) {
        checkPage(page, perPage);
        return ledger.read(v -> {
            List<NodeRecord> bonded = v.ledger().nodes().values().stream().filter(n -> n.bond().holdsPledge()).toList();
            List<NodeResponse> items = bonded.stream().skip((long) page * perPage).limit(perPage).map(n -> node(v, n)).toList();
            return new Page<>(page, perPage, bonded.size(), items);
        });
    }

    /** The nonce a bonding signature is made over (event-log's {@code BondingMessage}): the node id the next bond gets. */
    @GET
    @Path("/nodes/bonding-nonce")
    public BondingNonce bondingNonce() {
        return ledger.read(v -> {
            if (!v.ledger().isInitialized()) {
                throw RejectedException.of(ErrorKind.NOT_READY, "not_initialized", "ledger", "the ledger has not been initialized");
            }
            return new BondingNonce(v.ledger().globals().nextNodeId());
        });
    }

    @GET
    @Path("/nodes/{nodeId}")
    public NodeResponse node(@PathParam("nodeId") long nodeId) {
        return ledger.read(v -> node(v, v.ledger().node(nodeId).orElseThrow(() -> notFound(nodeId))));
    }

    @GET
    @Path("/nodes/{nodeId}/rewards")
    @WithSession
    public Uni<Page<NodeEpochReward>> nodeRewards(@PathParam("nodeId") long nodeId,
                                                  @QueryParam("from_epoch") @DefaultValue("0") long from,
                                                  @QueryParam("to_epoch") @DefaultValue("9223372036854775807") long to,
                                                  @QueryParam("page") @DefaultValue("0") int page,
                                                  @QueryParam("per_page") @DefaultValue("100") int perPage) {
        checkPage(page, perPage);
        checkEpochs(from, to);
        ledger.read(v -> {
            if (v.ledger().node(nodeId).isEmpty() && !v.registry().containsKey(nodeId)) {
                throw notFound(nodeId);
            }
            return null;
        });
        return NodeEpochRewardRow.countOf(nodeId, from, to).flatMap(total -> NodeEpochRewardRow.page(nodeId, from, to, page, perPage)
                .map(items -> new Page<>(page, perPage, total, items)));
    }

    /** The node's delegation changes in the order they were made, optionally of one delegator, in an epoch range. */
    @GET
    @Path("/nodes/{nodeId}/delegation-history")
    @WithSession
    public Uni<Page<DelegationChange>> nodeDelegationHistory(@PathParam("nodeId") long nodeId,
                                                             @QueryParam("owner") String owner,
                                                             @QueryParam("from_epoch") @DefaultValue("0") long from,
                                                             @QueryParam("to_epoch") @DefaultValue("9223372036854775807") long to,
                                                             @QueryParam("page") @DefaultValue("0") int page,
                                                             @QueryParam("per_page") @DefaultValue("100") int perPage) {
        return delegationHistory(new DelegationChangeRow.Filter(owner, nodeId, from, to), page, perPage);
    }

    /** The delegator's delegation changes in the order they were made, optionally on one node, in an epoch range. */
    @GET
    @Path("/delegators/{address}/delegation-history")
    @WithSession
    public Uni<Page<DelegationChange>> delegatorHistory(@PathParam("address") String address,
                                                        @QueryParam("node_id") Long nodeId,
                                                        @QueryParam("from_epoch") @DefaultValue("0") long from,
                                                        @QueryParam("to_epoch") @DefaultValue("9223372036854775807") long to,
                                                        @QueryParam("page") @DefaultValue("0") int page,
                                                        @QueryParam("per_page") @DefaultValue("100") int perPage) {
        return delegationHistory(new DelegationChangeRow.Filter(address, nodeId, from, to), page, perPage);
    }

    private static Uni<Page<DelegationChange>> delegationHistory(DelegationChangeRow.Filter filter, int page, int perPage) {
        checkPage(page, perPage);
        checkEpochs(filter.fromEpoch(), filter.toEpoch());
        return DelegationChangeRow.countOf(filter).flatMap(total -> DelegationChangeRow.page(filter, page, perPage)
                .map(items -> new Page<>(page, perPage, total, items)));
    }

    @GET
    @Path("/delegators/{address}/delegations")
    public List<DelegationResponse> delegations(@PathParam("address") String address) {
        return ledger.read(v -> {
            List<DelegationResponse> out = new ArrayList<>();
            for (Delegation d : v.ledger().delegationsOwnedBy(address)) {
                NodeRewarding r = v.ledger().node(d.nodeId()).orElseThrow().rewarding();
                Decimal accrued = r.delegationReward(d.amount(), d.cumulativeRewardRatio());
                out.add(new DelegationResponse(d.nodeId(), d.owner(), d.amount(), accrued, d.amount().toDecimal().plus(accrued),
                        d.sinceEpoch()));
            }
            return out;
        });
    }

    @GET
    @Path("/epochs/latest")
    @WithSession
    public Uni<EpochResponse> latestEpoch() {
        return EpochTotalsRow.latest().map(t -> {
            if (t == null) {
                throw RejectedException.of(ErrorKind.NOT_FOUND, "epoch_not_found", "epoch_id", "no epoch has been rewarded yet");
            }
            return new EpochResponse(t.epochId(), currentEpoch(), t);
        });
    }

    /** The rewarded epochs' totals with {@code from_epoch <= epoch <= to_epoch}, latest first. */
    @GET
    @Path("/epochs")
    @WithSession
    public Uni<Page<EpochTotals>> epochs(@QueryParam("from_epoch") @DefaultValue("0") long from,
                                         @QueryParam("to_epoch") @DefaultValue("9223372036854775807") long to,
                                         @QueryParam("page") @DefaultValue("0") int page,
                                         @QueryParam("per_page") @DefaultValue("100") int perPage) {
        checkPage(page, perPage);
        checkEpochs(from, to);
        return EpochTotalsRow.countOf(from, to).flatMap(total -> EpochTotalsRow.page(from, to, page, perPage)
                .map(items -> new Page<>(page, perPage, total, items)));
    }

    @GET
    @Path("/epochs/{epochId}/rewards")
    @WithSession
    public Uni<EpochResponse> epoch(@PathParam("epochId") long epochId) {
        return EpochTotalsRow.of(epochId).map(t -> {
            if (t == null) {
                throw RejectedException.of(ErrorKind.NOT_FOUND, "epoch_not_found", "epoch_id", "epoch " + epochId + " has not been rewarded");
            }
            return new EpochResponse(epochId, currentEpoch(), t);
        });
    }

    private long currentEpoch() {
        return ledger.read(v -> v.ledger().globals().currentEpoch());
    }

    /**
     * The next epoch's reward if the node is in the active set (active work factor of the configured set) with the
     * given performance (default: its last rewarded performance, else 1).
     */
    @GET
    @Path("/nodes/{nodeId}/estimate")
    @WithSession
    public Uni<EstimateResponse> estimate(@PathParam("nodeId") long nodeId, @QueryParam("performance") String performance) {
        ledger.read(v -> bonded(v.ledger(), nodeId));
        return assumedPerformance(nodeId, performance).map(perf -> ledger.read(v -> {
            bonded(v.ledger(), nodeId);
            Decimal work = v.ledger().globals().params().workFactors().active();
            RewardEstimates.NodeEstimate e = RewardEstimates.forNode(v.ledger(), nodeId, perf, work)
                    .orElseThrow(() -> notFound(nodeId));
            return new EstimateResponse(nodeId, v.ledger().globals().currentEpoch(), perf, work, e.split().nodeReward(),
                    e.split().operator(), e.split().delegates(), e.operatorAnnualisedReturn());
        }));
    }

    /**
     * What a new delegation of {@code amount} would earn in the next epoch: the node's reward recomputed with the
     * delegation added to {@code D}, its share {@code amount / (D + amount)} of the delegates' part; annualised over the
     * epochs of a year.
     */
    @GET
    @Path("/nodes/{nodeId}/delegation-estimate")
    @WithSession
    public Uni<DelegationEstimateResponse> delegationEstimate(@PathParam("nodeId") long nodeId, @QueryParam("amount") String amount,
                                                         @QueryParam("performance") String performance) {
        java.math.BigInteger a = Inputs.amount("amount", amount);
        if (a.signum() <= 0 || a.compareTo(Unym.TOKEN_SUPPLY.amount()) > 0) {
            throw RejectedException.invalid("amount", "amount must be > 0 and at most the token supply");
        }
        ledger.read(v -> bonded(v.ledger(), nodeId));
        return assumedPerformance(nodeId, performance).map(perf -> ledger.read(v -> {
            NodeRecord n = bonded(v.ledger(), nodeId);
            RewardingParams p = v.ledger().globals().params();
            Decimal work = p.workFactors().active();
            Decimal added = Decimal.of(a);
            NodeRewarding with = n.rewarding().withStake(n.rewarding().operator(), n.rewarding().delegates().plus(added),
                    n.rewarding().uniqueDelegations() + 1);
            with = with.withCostParams(v.ledger().globals().settings().costParamRanges().clamp(with.costParams()));
            Decimal reward = with.nodeReward(p, p.epochRewardBudget(), p.rewardedSetSize(), perf, work);
            RewardSplit split = with.split(reward, perf, p.epochsInInterval());
            Decimal next = added.div(with.delegates()).times(split.delegates());
            return new DelegationEstimateResponse(nodeId, v.ledger().globals().currentEpoch(), new Unym(a), perf, work, next,
                    RewardEstimates.annualisedReturn(next, added, v.ledger().globals().clock().epochLength()));
        }));
    }

    /** The given performance (checked now), else the node's last rewarded performance, else 1. */
    private static Uni<Percent> assumedPerformance(long nodeId, String performance) {
        if (performance != null) {
            Decimal d = Inputs.decimal("performance", performance);
            if (d.greaterThan(Decimal.ONE)) {
                throw RejectedException.invalid("performance", "performance must be between 0 and 1");
            }
            return Uni.createFrom().item(Percent.of(d));
        }
        return NodeEpochRewardRow.latest(nodeId).map(last -> last == null ? Percent.HUNDRED : last.performance());
    }

    private static NodeResponse node(LedgerView v, NodeRecord n) {
        LedgerView.Registration reg = v.registry().get(n.nodeId());
        Decimal sat = v.ledger().globals().params().stakeSaturationPoint();
        String identity = null;
        Unym pledge = null;
        String stage;
        switch (n.bond()) {
            case NodeBond.Bonded b -> { stage = "bonded"; identity = b.identityKey(); pledge = b.originalPledge(); }
            case NodeBond.Unbonding u -> { stage = "unbonding"; identity = u.identityKey(); pledge = u.originalPledge(); }
            case NodeBond.Unbonded u -> stage = "unbonded";
        }
        NodeRewarding r = n.rewarding();
        return new NodeResponse(n.nodeId(), n.bond().owner(), identity, reg == null ? null : reg.host(),
                reg == null ? null : reg.httpPort(), reg == null ? null : reg.roles(), stage, pledge, r.operator(), r.delegates(),
                r.bondSaturation(sat), r.costParams().profitMargin(), r.costParams().intervalOperatingCost(), r.uniqueDelegations(),
                r.lastRewardedEpoch());
    }

    private static NodeRecord bonded(MixnetLedger ledger, long nodeId) {
        return ledger.node(nodeId).filter(n -> n.bond().holdsPledge()).orElseThrow(() -> notFound(nodeId));
    }

    private static RejectedException notFound(long nodeId) {
        return RejectedException.of(ErrorKind.NOT_FOUND, "node_not_found", "node_id", "node " + nodeId + " is not bonded");
    }

    private static void checkEpochs(long from, long to) {
        if (from < 0 || to < from) {
            throw RejectedException.invalid("from_epoch", "from_epoch must be >= 0 and <= to_epoch");
        }
    }

    /** The paged reads' bounds: 400 {@code invalid_page} / {@code invalid_per_page}, as the other services' paged reads. */
    static void checkPage(int page, int perPage) {
        if (page < 0) {
            throw RejectedException.of(ErrorKind.INVALID, "invalid_page", "page", "page must be >= 0");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw RejectedException.of(ErrorKind.INVALID, "invalid_per_page", "per_page",
                    "per_page must be between 1 and " + MAX_PER_PAGE);
        }
    }
}
