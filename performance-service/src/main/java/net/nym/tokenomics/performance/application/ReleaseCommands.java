package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.performance.domain.Decision;
import net.nym.tokenomics.performance.domain.version.ReleaseEntry;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.AppendRelease;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.ReleaseAppended;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.ReleaseRejection;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Admin command: append a nym-node release to the version chain the config score is measured against. */
@ApplicationScoped
public class ReleaseCommands {

    private static final Logger LOG = Logger.getLogger(ReleaseCommands.class);

    private final PerformanceApplication app;
    private final Clock clock;

    public ReleaseCommands(PerformanceApplication app, Clock clock) {
        this.app = app;
        this.clock = clock;
    }

    public ReleaseEntry append(String semver) {
        AppendRelease command = new AppendRelease(semver, clock.instant());
        ReleaseEntry[] appended = new ReleaseEntry[1];
        app.execute(state -> switch (ReleaseHistoryDecider.decide(command, state.releases())) {
            case Decision.Rejected<ReleaseAppended, ReleaseRejection> r -> throw switch (r.rejection()) {
                case ReleaseRejection.InvalidVersion x -> new CommandRejected(CommandRejected.Kind.INVALID, "invalid_version", x.message());
                case ReleaseRejection.NotNewerThanLatest x -> new CommandRejected(CommandRejected.Kind.CONFLICT, "not_newer_than_latest", x.message());
            };
            case Decision.Accepted<ReleaseAppended, ReleaseRejection> a -> {
                ReleaseAppended e = a.events().getFirst();
                appended[0] = e.entry();
                yield new PerformanceApplication.Planned(PerformanceEvents.RELEASES_STREAM,
                        state.streamVersion(PerformanceEvents.RELEASES_STREAM),
                        List.of(app.codec().encode(UUID.randomUUID(), PerformanceEvents.ReleaseRecorded.of(e))));
            }
        });
        LOG.infof("release %s appended to the version chain as id %d", appended[0].semver(), appended[0].id());
        return appended[0];
    }
}
