package net.nym.tokenomics.performance.application;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.store.WrongExpectedVersionException;
import net.nym.tokenomics.performance.config.PerformanceServiceConfig;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * The running service's state and its one write path: plan against the folded state (under its lock, so the
 * expected stream version and the state decided on agree), append with optimistic concurrency, and on a conflict
 * (another instance or thread wrote the stream) catch up and decide again. After a commit it waits until the state
 * has folded the new events, so a caller reads its own write.
 */
@ApplicationScoped
public class PerformanceApplication {

    private static final Logger LOG = Logger.getLogger(PerformanceApplication.class);
    private static final int ATTEMPTS = 5;

    /** What a command wants to append: to one stream, expecting its version. */
    public record Planned(String stream, long expectedVersion, List<NewEvent> events) { }

    @FunctionalInterface
    public interface Plan {
        /** Decides against the state; throws {@link CommandRejected} to refuse. */
        Planned plan(PerformanceState state);
    }

    private final DataSource dataSource;
    private final PerformanceServiceConfig config;
    private final EventStore store = new EventStore();
    private final EventCodec codec = PerformanceEvents.codec();
    private PerformanceState state;
    private LogFollower follower;
    private EpochPublisher epochPublisher;

    public PerformanceApplication(DataSource dataSource, PerformanceServiceConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        state = newState();
        epochPublisher = new EpochPublisher(store, codec, config.scoring().performanceConfig(), config.epochNodesPerEvent());
        follower = new LogFollower(dataSource, state);
        long started = System.nanoTime();
        int folded = follower.catchUp();
        LOG.infof("performance state: folded %d events of the log in %d ms (position %s)", folded,
                (System.nanoTime() - started) / 1_000_000, state.position());
        follower.start(Duration.ofMillis(200));
        long warming = System.nanoTime();
        epochPublisher.warmUp();
        LOG.infof("epoch publisher warmed up in %d ms", (System.nanoTime() - warming) / 1_000_000);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }

    /** An empty state with this service's retention settings (a replay starts from one). */
    public PerformanceState newState() {
        return new PerformanceState(config.retention(), config.submission().replayRetention(), config.retainedEpochs());
    }

    public PerformanceState state() {
        return state;
    }

    public LogFollower follower() {
        return follower;
    }

    public EpochPublisher epochPublisher() {
        return epochPublisher;
    }

    public EventCodec codec() {
        return codec;
    }

    public EventStore store() {
        return store;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public PerformanceServiceConfig config() {
        return config;
    }

    /** Runs a command: plan, append, retry on a version conflict; returns the stored events once folded. */
    public List<StoredEvent> execute(Plan plan) {
        for (int attempt = 1; ; attempt++) {
            Planned planned;
            synchronized (state) {
                planned = plan.plan(state);
            }
            if (planned.events().isEmpty()) {
                return List.of();
            }
            try {
                List<StoredEvent> stored = Transactions.inTransaction(dataSource,
                        c -> store.append(c, planned.stream(), planned.expectedVersion(), planned.events()));
                follower.awaitApplied(stored.getLast().position(), Duration.ofSeconds(10));
                return stored;
            } catch (WrongExpectedVersionException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                follower.catchUp();
            }
        }
    }
}
