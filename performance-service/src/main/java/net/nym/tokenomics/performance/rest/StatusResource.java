package net.nym.tokenomics.performance.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.domain.config.ConfigScoreParams;
import net.nym.tokenomics.performance.domain.version.ReleaseEntry;
import net.nym.tokenomics.performance.domain.version.VersionWeights;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/status/config-score-details} in nym-api's shape (B.7). */
@Path("/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    public record VersionWeightsView(long major, long minor, long patch, long prerelease) { }

    public record FormulaParams(double penalty, double penaltyScaling) { }

    public record Parameters(VersionWeightsView versionWeights, FormulaParams versionScoreFormulaParams) { }

    /**
     * {@code introduced_at_height} is nym-api's block height; this service has no chain, so it is null and
     * {@code introduced_at} says when the release was appended.
     */
    public record VersionInformation(String semver, Long introducedAtHeight, Instant introducedAt) { }

    public record VersionEntry(long id, VersionInformation versionInformation) { }

    public record ConfigScoreDetails(Parameters parameters, List<VersionEntry> versionHistory) { }

    private final PerformanceApplication app;

    public StatusResource(PerformanceApplication app) {
        this.app = app;
    }

    @GET
    @Path("/config-score-details")
    public ConfigScoreDetails configScoreDetails() {
        ConfigScoreParams params = app.config().scoring().configScoreParams();
        VersionWeights w = params.weights();
        List<VersionEntry> history = app.state().releases().entries().stream()
                .map((ReleaseEntry e) -> new VersionEntry(e.id(), new VersionInformation(e.semver().toString(), null,
                        e.introducedAt())))
                .toList();
        return new ConfigScoreDetails(new Parameters(new VersionWeightsView(w.major(), w.minor(), w.patch(), w.prerelease()),
                new FormulaParams(params.penaltyF64(), params.penaltyScalingF64())), history);
    }
}
