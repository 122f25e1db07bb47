package net.nym.tokenomics.rewards.rest;

import net.nym.tokenomics.eventlog.api.RejectedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.rewards.application.LedgerService;
import net.nym.tokenomics.rewards.application.ReadModelRebuild;
import net.nym.tokenomics.rewards.domain.LedgerCommand;
import net.nym.tokenomics.rewards.domain.rewarding.ActiveSetUpdate;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedSetParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Admin changes (role {@code admin}), and the rebuild of the history read models from the log. Reward-parameter changes are queued to the end of the interval and active-set
 * changes to the end of the epoch, unless {@code force_immediately}; the answer says which.
 */
@Path("/v1/admin")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final LedgerService ledger;
    private final ReadModelRebuild rebuild;
    private final JsonWebToken jwt;

    public AdminResource(LedgerService ledger, ReadModelRebuild rebuild, JsonWebToken jwt) {
        this.ledger = ledger;
        this.rebuild = rebuild;
        this.jwt = jwt;
    }

    /**
     * Drops the reward and delegation history rows and writes them again from the ledger stream (one transaction;
     * readers see the old rows until it commits). Blocking: it folds the whole log.
     */
    @POST
    @Path("/read-models/rebuild")
    @Consumes(MediaType.WILDCARD)
    public ReadModelRebuild.Result rebuildReadModels() {
        return rebuild.rebuild();
    }

    /** Every field optional (absent = unchanged); ratios as decimal strings ("0.3" = 30 %). */
    public record RewardParamsRequest(Object rewardPool, Object stakingSupply, Object stakingSupplyScaleFactor,
                                      Object sybilResistance, Object activeSetWorkFactor, Object intervalPoolEmission,
                                      RewardedSetParamsRequest rewardedSet, boolean forceImmediately) { }

    public record RewardedSetParamsRequest(int entryGateways, int exitGateways, int mixnodes, int standby) { }

    public record ActiveSetRequest(int entryGateways, int exitGateways, int mixnodes, boolean forceImmediately) { }

    @PUT
    @Path("/reward-params")
    public Response updateRewardParams(RewardParamsRequest body) {
        if (body == null) {
            throw RejectedException.invalid("body", "a JSON body is required");
        }
        RewardingParamsUpdate update = new RewardingParamsUpdate(
                body.rewardPool() == null ? null : Inputs.decimal("reward_pool", body.rewardPool()),
                body.stakingSupply() == null ? null : Inputs.decimal("staking_supply", body.stakingSupply()),
                percent("staking_supply_scale_factor", body.stakingSupplyScaleFactor()),
                percent("sybil_resistance", body.sybilResistance()),
                body.activeSetWorkFactor() == null ? null : Inputs.decimal("active_set_work_factor", body.activeSetWorkFactor()),
                percent("interval_pool_emission", body.intervalPoolEmission()),
                body.rewardedSet() == null ? null : rewardedSet(body.rewardedSet()),
                null);
        return AccountResource.result(ledger, ledger.execute(new LedgerCommand.UpdateRewardingParams(ledger.commandTime(),
                jwt.getSubject(), update, body.forceImmediately()), LedgerService.Publications.NONE));
    }

    @PUT
    @Path("/active-set")
    public Response updateActiveSet(ActiveSetRequest body) {
        if (body == null) {
            throw RejectedException.invalid("body", "a JSON body is required");
        }
        ActiveSetUpdate update = new ActiveSetUpdate(count("entry_gateways", body.entryGateways()),
                count("exit_gateways", body.exitGateways()), count("mixnodes", body.mixnodes()));
        return AccountResource.result(ledger, ledger.execute(new LedgerCommand.UpdateActiveSet(ledger.commandTime(),
                jwt.getSubject(), update, body.forceImmediately()), LedgerService.Publications.NONE));
    }

    private static RewardedSetParams rewardedSet(RewardedSetParamsRequest r) {
        try {
            return new RewardedSetParams(count("rewarded_set.entry_gateways", r.entryGateways()),
                    count("rewarded_set.exit_gateways", r.exitGateways()), count("rewarded_set.mixnodes", r.mixnodes()),
                    count("rewarded_set.standby", r.standby()));
        } catch (IllegalArgumentException e) {
            throw RejectedException.invalid("rewarded_set", e.getMessage());
        }
    }

    /**
     * A set size at most {@link RewardedSetParams#MAX_SET_SIZE}: refused here, before anything is queued (a queued
     * change whose sums overflow would make every later roll-over throw). Signs stay the domain's to judge.
     */
    private static int count(String field, int value) {
        if (value > RewardedSetParams.MAX_SET_SIZE) {
            throw RejectedException.invalid(field, field + " must be at most " + RewardedSetParams.MAX_SET_SIZE
                    + ", got " + value);
        }
        return value;
    }

    private static Percent percent(String field, Object value) {
        if (value == null) {
            return null;
        }
        var d = Inputs.decimal(field, value);
        if (d.greaterThan(net.nym.tokenomics.eventlog.decimal.Decimal.ONE)) {
            throw RejectedException.invalid(field, field + " must be between 0 and 1, got " + d);
        }
        return Percent.of(d);
    }
}
