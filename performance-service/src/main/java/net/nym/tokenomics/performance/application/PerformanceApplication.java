package net.nym.tokenomics.performance.application;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.api.Rejection;
import net.nym.tokenomics.eventlog.command.CommandHandler;
import net.nym.tokenomics.eventlog.command.ConcurrencyPolicy;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.performance.persistence.PerformanceHistoryProjection;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.projection.ProjectionRunner;
import net.nym.tokenomics.eventlog.quarkus.EventLogConfig;
import net.nym.tokenomics.performance.config.PerformanceServiceConfig;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The running service's state and its write paths, all on event-log's {@link CommandHandler} with optimistic
 * concurrency (5 attempts: another instance or thread wrote the stream, so catch up and decide again) over a
 * {@link PerformanceFold} of the whole log:
 * <ul>
 *   <li>{@link #commands()}: REST commands and the prober, each in its own transaction; the state has folded the
 *       appended events when a command returns (read your own write).</li>
 *   <li>{@link #registryInputs()} and {@link #selectionInputs()}: one per consumer, deciding inside the consumer's
 *       transaction with its inbox record.</li>
 * </ul>
 */
@ApplicationScoped
public class PerformanceApplication {

    private static final Logger LOG = Logger.getLogger(PerformanceApplication.class);
    private static final ConcurrencyPolicy POLICY = ConcurrencyPolicy.optimistic(5);

    private final DataSource dataSource;
    private final PerformanceServiceConfig config;
    private final long snapshotEvery;
    private final EventStore store = new EventStore();
    private final EventCodec codec = PerformanceEvents.codec();
    private LogFollower follower;
    private EpochPublisher epochPublisher;
    private CommandHandler<PerformanceState> commands;
    private CommandHandler<PerformanceState> registryInputs;
    private CommandHandler<PerformanceState> selectionInputs;

    /** With a snapshot of the state every {@code eventlog.snapshot.every} events, 0 for none (docs/adr/0011). */
    public PerformanceApplication(DataSource dataSource, PerformanceServiceConfig config, EventLogConfig eventLog) {
        this.dataSource = dataSource;
        this.config = config;
        this.snapshotEvery = eventLog.snapshot().every();
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        PerformanceState empty = newState();
        epochPublisher = new EpochPublisher(codec, config.scoring().performanceConfig(), config.epochNodesPerEvent());
        follower = new LogFollower(dataSource, empty, LogFollower.snapshots(dataSource, empty, snapshotEvery));
        commands = new CommandHandler<>("performance commands", dataSource, store,
                PerformanceFold.readYourWrites(store, follower), POLICY);
        registryInputs = inputHandler("performance registry inputs", store, dataSource, follower);
        selectionInputs = inputHandler("performance selection inputs", store, dataSource, follower);
        follower.startUp();
        rebuildHistoryIfBehindLog();
        follower.start(Duration.ofMillis(200));
        long warming = System.nanoTime();
        epochPublisher.warmUp();
        LOG.infof("epoch publisher warmed up in %d ms", (System.nanoTime() - warming) / 1_000_000);
    }

    /**
     * The history rows are written with their epochs; a log imported from Kafka (or restored without the table) has
     * published epochs but no rows. At start-up: when the latest published epoch with nodes has none, rebuild the
     * table from the log. Says whether it did.
     */
    public boolean rebuildHistoryIfBehindLog() {
        var latest = state().epochsNewestFirst().stream().filter(e -> !e.result().nodes().isEmpty()).findFirst();
        if (latest.isEmpty() || Transactions.inTransaction(dataSource,
                c -> PerformanceHistoryProjection.holds(c, latest.get().result().nodes().getFirst().nodeId(), latest.get().epoch()))) {
            return false;
        }
        LOG.warnf("the performance history has no row for published epoch %d (e.g. after a rebuild from Kafka): "
                + "rebuilding it from the log", latest.get().epoch());
        rebuildHistory();
        return true;
    }

    /** Drops the performance history rows and writes them again from the whole log, in one transaction. */
    public long rebuildHistory() {
        return new ProjectionRunner(dataSource).rebuild(new PerformanceHistoryProjection());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.close();
        }
    }

    /** A handler for one consumer's commands, decided in the consumer's transaction (the benchmark uses one too). */
    public static CommandHandler<PerformanceState> inputHandler(String name, EventStore store, DataSource dataSource,
                                                                LogFollower follower) {
        return new CommandHandler<>(name, dataSource, store, PerformanceFold.inCallersTransaction(store, follower), POLICY);
    }

    /** An empty state with this service's retention settings (a replay starts from one). */
    public PerformanceState newState() {
        return new PerformanceState(config.retention(), config.submission().replayRetention(), config.retainedEpochs());
    }

    public PerformanceState state() {
        return follower.state();
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

    /** Whether the log holds an event with this id, in any stream. */
    public boolean recorded(UUID eventId) {
        return Transactions.inTransaction(dataSource, c -> store.containsEvent(c, eventId));
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

    public CommandHandler<PerformanceState> commands() {
        return commands;
    }

    public CommandHandler<PerformanceState> registryInputs() {
        return registryInputs;
    }

    public CommandHandler<PerformanceState> selectionInputs() {
        return selectionInputs;
    }

    /**
     * Decides a command against a consistent state (the follower applies nothing while it decides) and appends its
     * events to {@code stream}; a rejection comes back as a value.
     */
    public <R> Decision<R> decide(String stream, CommandHandler.Decider<PerformanceState, R> decider) {
        return commands.decide(stream, consistent(decider));
    }

    /** Like {@link #decide}, throwing a rejection as {@code RejectedException}. */
    public <R> R execute(String stream, CommandHandler.Decider<PerformanceState, R> decider) {
        return commands.execute(stream, consistent(decider));
    }

    private static <R> CommandHandler.Decider<PerformanceState, R> consistent(CommandHandler.Decider<PerformanceState, R> decider) {
        return state -> {
            synchronized (state) {
                return decider.decide(state);
            }
        };
    }

    /** An event to append, with its value. */
    public Decision.Pending pending(UUID eventId, Object event) {
        return new Decision.Pending(codec.encode(eventId, event), event);
    }

    /** A domain decision as the handler's: its rejection as it is (domain rejections are {@link Rejection}s). */
    public static <E, X extends Rejection, R> Decision<R> then(
            net.nym.tokenomics.performance.domain.Decision<E, X> decision, Function<List<E>, Decision<R>> onAccepted) {
        return switch (decision) {
            case net.nym.tokenomics.performance.domain.Decision.Rejected<E, X> r -> Decision.reject(r.rejection());
            case net.nym.tokenomics.performance.domain.Decision.Accepted<E, X> a -> onAccepted.apply(a.events());
        };
    }
}
