package net.nym.tokenomics.performance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.api.RejectedException;
import net.nym.tokenomics.performance.application.NodeProber;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.application.ReleaseCommands;
import net.nym.tokenomics.performance.application.ReplayCheck;
import net.nym.tokenomics.performance.domain.version.ReleaseEntry;

import java.time.Instant;

/**
 * Admin operations (JWT role "admin"): append a release, run the prober now, verify a replay of the log, rebuild the
 * performance history table from the log.
 */
@Path("/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminResource {

    public record AppendReleaseRequest(String semver) { }

    public record ReleaseView(long id, String semver, Instant introducedAt) { }

    private final ReleaseCommands releases;
    private final NodeProber prober;
    private final ReplayCheck replay;
    private final PerformanceApplication app;

    public record RebuildResult(long events) { }

    public AdminResource(ReleaseCommands releases, NodeProber prober, ReplayCheck replay, PerformanceApplication app) {
        this.releases = releases;
        this.prober = prober;
        this.replay = replay;
        this.app = app;
    }

    /** Drops the performance history rows and writes them again from the whole log, in one transaction. */
    @POST
    @Path("/read-models/rebuild")
    public RebuildResult rebuildReadModels() {
        return new RebuildResult(app.rebuildHistory());
    }

    @POST
    @Path("/releases")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response appendRelease(AppendReleaseRequest request) {
        if (request == null || request.semver() == null || request.semver().isBlank()) {
            throw RejectedException.of(ErrorKind.INVALID, "missing_field", "semver", "is required");
        }
        if (request.semver().length() > 256) {
            throw RejectedException.of(ErrorKind.INVALID, "invalid_version", "semver", "longer than 256 characters");
        }
        ReleaseEntry e = releases.append(request.semver());
        return Response.status(201).entity(new ReleaseView(e.id(), e.semver().toString(), e.introducedAt())).build();
    }

    @POST
    @Path("/probe")
    public NodeProber.ProbeRun probe() {
        return prober.probeAll();
    }

    @POST
    @Path("/replay-check")
    public ReplayCheck.Report replayCheck() {
        return replay.run();
    }
}
