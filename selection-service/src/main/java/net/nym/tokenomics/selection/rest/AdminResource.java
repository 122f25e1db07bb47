package net.nym.tokenomics.selection.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.selection.application.RewardedSetHistory;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;

import java.time.Clock;
import java.time.Instant;

/** Admin operations (JWT role "admin"). */
@Path("/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** The epoch that ended and, when its successor's inputs were already recorded, the epoch that started. */
    public record AdvanceResponse(long endedEpochId, Instant endedAt, Long startedEpochId) {
    }

    private final SelectionService service;
    private final Clock clock;

    public AdminResource(SelectionService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /**
     * MANUAL mode only: ends the running epoch now. A refusal is the clock's rejection with its kind: 409 in another
     * mode or while a rewarded set is awaited, 503 before the clock is initialised.
     */
    @POST
    @Path("/epochs/advance")
    @RolesAllowed("admin")
    public Response advance(@Context SecurityContext security) {
        String actor = security.getUserPrincipal().getName();
        return switch (service.advance(clock.instant(), actor)) {
            case SelectionService.Outcome.Rejected r -> throw new RejectedException(r.rejection());
            case SelectionService.Outcome.Applied a -> {
                EpochClockEvent.EpochEnded ended = a.events().stream().filter(EpochClockEvent.EpochEnded.class::isInstance)
                        .map(EpochClockEvent.EpochEnded.class::cast).findFirst().orElseThrow();
                Long started = a.events().stream().filter(EpochClockEvent.EpochStarted.class::isInstance)
                        .map(e -> ((EpochClockEvent.EpochStarted) e).epochId()).findFirst().orElse(null);
                yield Response.ok(new AdvanceResponse(ended.epochId(), ended.end(), started)).build();
            }
        };
    }

    /** Drops the {@code rewarded_set} read model and writes it again from the whole log, in one transaction. */
    @POST
    @Path("/read-models/rebuild")
    @RolesAllowed("admin")
    public RewardedSetHistory.Result rebuildReadModels() {
        return service.rebuildHistory();
    }
}
