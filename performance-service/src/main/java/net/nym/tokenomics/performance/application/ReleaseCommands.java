package net.nym.tokenomics.performance.application;

import jakarta.enterprise.context.ApplicationScoped;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.performance.domain.version.ReleaseEntry;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider;
import net.nym.tokenomics.performance.domain.version.ReleaseHistoryDecider.AppendRelease;
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

    /** Appends the release; a refusal is thrown as the domain's {@code ReleaseRejection}. */
    public ReleaseEntry append(String semver) {
        AppendRelease command = new AppendRelease(semver, clock.instant());
        ReleaseEntry appended = app.execute(PerformanceEvents.RELEASES_STREAM, state -> PerformanceApplication.then(
                ReleaseHistoryDecider.decide(command, state.releases()),
                events -> Decision.accept(List.of(app.pending(UUID.randomUUID(), events.getFirst())),
                        events.getFirst().entry())));
        LOG.infof("release %s appended to the version chain as id %d", appended.semver(), appended.id());
        return appended;
    }
}
