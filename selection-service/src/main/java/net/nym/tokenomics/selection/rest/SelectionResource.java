package net.nym.tokenomics.selection.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.selection.application.SelectedSet;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.domain.clock.ClockConfig;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSet;
import net.nym.tokenomics.selection.readmodel.RewardedSetRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Public reads: the current rewarded set (nym-api shape), per-epoch sets and proofs, the current epoch. Refusals are
 * {@link RejectedException}s answered by event-log's shared mappers: a malformed epoch id is INVALID, an epoch without
 * a set NOT_FOUND, a clock not initialised yet NOT_READY.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class SelectionResource {

    /** nym-api's {@code GET /v1/nym-nodes/rewarded-set}. */
    public record RewardedSetResponse(long epochId, List<Long> entryGateways, List<Long> exitGateways, List<Long> layer1,
                                      List<Long> layer2, List<Long> layer3, List<Long> standby) {
        static RewardedSetResponse of(long epochId, RewardedSet s) {
            return new RewardedSetResponse(epochId, ids(s.entryGateways()), ids(s.exitGateways()), ids(s.layer1()),
                    ids(s.layer2()), ids(s.layer3()), ids(s.standby()));
        }
    }

    /** One epoch's set with its seed, proof digest, shortfall and number of candidates. */
    public record EpochRewardedSetResponse(long epochId, List<Long> entryGateways, List<Long> exitGateways, List<Long> layer1,
                                           List<Long> layer2, List<Long> layer3, List<Long> standby, String seed,
                                           String proofDigest, Map<String, Integer> shortfall, int candidates) {
    }

    /**
     * @param state {@code in_progress}, or {@code awaiting_rewarded_set} between EpochEnded(e) and EpochStarted(e+1)
     *              (then the epoch fields describe the ended epoch e and {@code waiting_for} lists missing inputs)
     */
    public record CurrentEpochResponse(long epochId, long intervalId, int epochInInterval, Instant start, Instant end,
                                       String state, String mode, long epochLengthSeconds, int epochsInInterval,
                                       List<String> waitingFor) {
    }

    /**
     * nym-api's {@code GET /v1/epoch/current}, the mixnet contract's {@code Interval}: {@code id} is the interval,
     * {@code current_epoch_id} the epoch's index within it, {@code total_elapsed_epochs} the absolute epoch id,
     * {@code current_epoch_start} RFC 3339 and {@code epoch_length} a Rust {@code Duration}.
     */
    public record IntervalResponse(long id, int epochsInInterval, Instant currentEpochStart, int currentEpochId,
                                   RustDuration epochLength, long totalElapsedEpochs) {
    }

    /** serde's form of {@code std::time::Duration}. */
    public record RustDuration(long secs, int nanos) {
        static RustDuration of(java.time.Duration d) {
            return new RustDuration(d.getSeconds(), d.getNano());
        }
    }

    private final SelectionService service;

    public SelectionResource(SelectionService service) {
        this.service = service;
    }

    @GET
    @Path("/nym-nodes/rewarded-set")
    public Response currentRewardedSet() {
        SelectedSet last = service.view().lastSelected();
        if (last == null) {
            throw RejectedException.of(ErrorKind.NOT_READY, "no_rewarded_set_yet", "epoch_id", "the clock is not initialised");
        }
        return Response.ok(RewardedSetResponse.of(last.epochId(), last.set())).build();
    }

    /** The last set from the fold; an earlier one from the {@code rewarded_set} read model. */
    @GET
    @Path("/epochs/{epoch}/rewarded-set")
    @WithSession
    public Uni<Response> rewardedSet(@PathParam("epoch") String epoch) {
        long e = epochId(epoch);
        SelectedSet last = service.view().lastSelected();
        Uni<SelectedSet> set = last != null && last.epochId() == e ? Uni.createFrom().item(last) : RewardedSetRow.of(service.settings().streamId(), e);
        return set.map(s -> {
            if (s == null) {
                throw RejectedException.of(ErrorKind.NOT_FOUND, "rewarded_set_not_found", "epoch_id",
                        "epoch " + e + " has no rewarded set (yet)");
            }
            return rewardedSet(s);
        });
    }

    private static Response rewardedSet(SelectedSet s) {
        long e = s.epochId();
        RewardedSetResponse r = RewardedSetResponse.of(e, s.set());
        return Response.ok(new EpochRewardedSetResponse(e, r.entryGateways(), r.exitGateways(), r.layer1(), r.layer2(),
                r.layer3(), r.standby(), s.seed(), s.proofDigest(),
                Map.of("entry_gateways", s.shortfall().entryGateways(), "exit_gateways", s.shortfall().exitGateways(),
                        "mixnodes", s.shortfall().mixnodes(), "standby", s.shortfall().standby()),
                s.candidates())).build();
    }

    /** The logged proof in the JSON form with an object per candidate (a v2 proof unpacked), for {@code VerifySelection}. */
    @GET
    @Path("/epochs/{epoch}/selection-proof")
    public Response selectionProof(@PathParam("epoch") String epoch) {
        long e = epochId(epoch);
        return service.proof(e)
                .map(p -> Response.ok(Json.write(p), MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> RejectedException.of(ErrorKind.NOT_FOUND, "selection_proof_not_found", "epoch_id",
                        "epoch " + e + " has no rewarded set (yet)"));
    }

    @GET
    @Path("/epochs/current")
    public Response currentEpoch() {
        SelectionService.ReadView v = service.view();
        return switch (v.clock()) {
            case EpochClockState.Uninitialized u -> throw RejectedException.of(ErrorKind.NOT_READY, "clock_not_initialised",
                    "epoch_id", "no epoch yet");
            case EpochClockState.Running r -> Response.ok(response(r.config(), r.current().epochId(), r.current().intervalId(),
                    r.current().epochInInterval(), r.current().start(), r.current().start().plus(r.config().epochLength()),
                    "in_progress", List.of())).build();
            case EpochClockState.AwaitingRewardedSet a -> {
                EpochClockEvent.EpochEnded ended = v.lastEnded();
                yield ended == null
                        ? Response.ok(response(a.config(), a.next().epochId(), a.next().intervalId(), a.next().epochInInterval(),
                                a.next().start(), a.next().start().plus(a.config().epochLength()), "awaiting_rewarded_set",
                                v.waitingFor())).build()
                        : Response.ok(response(a.config(), ended.epochId(), ended.intervalId(), ended.epochInInterval(),
                                ended.start(), ended.end(), "awaiting_rewarded_set", v.waitingFor())).build();
            }
        };
    }

    /**
     * The epoch as nym-api reports it. While the next rewarded set is awaited the contract has not advanced yet (its
     * last {@code AssignRoles} does that, A.1e), so this is still the epoch that ended, as in {@code /v1/epochs/current}.
     */
    @GET
    @Path("/epoch/current")
    public IntervalResponse currentInterval() {
        SelectionService.ReadView v = service.view();
        return switch (v.clock()) {
            case EpochClockState.Uninitialized u -> throw RejectedException.of(ErrorKind.NOT_READY, "clock_not_initialised",
                    "epoch_id", "no epoch yet");
            case EpochClockState.Running r -> interval(r.config(), r.current().epochId(), r.current().intervalId(),
                    r.current().epochInInterval(), r.current().start());
            case EpochClockState.AwaitingRewardedSet a -> {
                EpochClockEvent.EpochEnded ended = v.lastEnded();
                yield ended == null
                        ? interval(a.config(), a.next().epochId(), a.next().intervalId(), a.next().epochInInterval(),
                                a.next().start())
                        : interval(a.config(), ended.epochId(), ended.intervalId(), ended.epochInInterval(), ended.start());
            }
        };
    }

    private static IntervalResponse interval(ClockConfig config, long epochId, long intervalId, int epochInInterval,
                                             Instant start) {
        return new IntervalResponse(intervalId, config.epochsInInterval(), start, epochInInterval,
                RustDuration.of(config.epochLength()), epochId);
    }

    private static CurrentEpochResponse response(ClockConfig config, long epochId, long intervalId, int epochInInterval,
                                                 Instant start, Instant end, String state, List<String> waitingFor) {
        return new CurrentEpochResponse(epochId, intervalId, epochInInterval, start, end, state, config.mode().name(),
                config.epochLength().toSeconds(), config.epochsInInterval(), waitingFor);
    }

    private static long epochId(String text) {
        try {
            long e = Long.parseLong(text);
            if (e < 0) {
                throw RejectedException.invalid("epoch_id", "must be >= 0, got " + text);
            }
            return e;
        } catch (NumberFormatException ex) {
            throw RejectedException.invalid("epoch_id", "must be a non-negative integer, got '" + text + "'");
        }
    }

    private static List<Long> ids(List<NodeId> ids) {
        return ids.stream().map(NodeId::value).toList();
    }
}
