package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.command.CommandHandler;
import net.nym.tokenomics.eventlog.command.ConcurrencyPolicy;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.SnapshotStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.selection.domain.clock.ClockConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.ClockRejection;
import net.nym.tokenomics.selection.domain.clock.ClockDecision;
import net.nym.tokenomics.selection.domain.clock.EpochClock;
import net.nym.tokenomics.selection.domain.clock.EpochClockCommand;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs.Readiness;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.persistence.ProofJson;
import net.nym.tokenomics.selection.persistence.SelectionEvents;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The application layer of selection-service, on event-log's {@link CommandHandler}: one stream
 * ({@link Settings#streamId()}) holds the clock's events, the recorded inputs and the published integration events, and
 * its fold ({@link SelectionView}) is cached in a {@link StreamFold} checked against the stream's head at every command.
 * Other processes are kept out by optimistic concurrency: a writer that lost a race catches up and decides again, up to
 * three attempts.
 *
 * <p>Every write is two decisions in one transaction: the command itself (a clock command, or recording a consumed
 * input), then the selection of the next rewarded set if that made it due (the clock waits for it and all its inputs
 * are recorded): {@code selection.RewardedSetSelected} with the full proof, the integration {@code RewardedSetSelected}
 * and {@code EpochStarted}, domain and integration together ({@link RewardedSetDraw}). A lock held across both keeps
 * this process's writers from interleaving between them.
 */
public final class SelectionService {

    private static final Logger LOG = Logger.getLogger(SelectionService.class);
    public static final String DEFAULT_STREAM = "selection";
    /** The integration events selection takes as inputs; its consumer passes over every other type. */
    public static final Set<String> INPUT_TYPES = IntegrationEvents.types(IntegrationEvents.NodeBonded.class,
            IntegrationEvents.NodeUnbonded.class, IntegrationEvents.StakeSnapshotTaken.class,
            IntegrationEvents.EpochPerformanceComputed.class);

    /**
     * @param bootstrapSizes                sizes of epoch 0's set, which has no stake snapshot before it
     * @param bootstrapStakeSaturationPoint saturation point recorded in epoch 0's proof (every stake is 0 then)
     * @param beacons                       configured beacon values (hex) by epoch id
     */
    public record Settings(String streamId, String consumerName, ClockMode mode, Duration epochLength, int epochsInInterval,
                           RewardedSetSizes bootstrapSizes, Decimal bootstrapStakeSaturationPoint, Map<Long, String> beacons) {
        public Settings {
            beacons = Map.copyOf(beacons);
            beacons.values().forEach(SeedInput.Beacon::new);
        }
    }

    /** The result of a clock command: the events it appended (possibly none), or why it was refused. */
    public sealed interface Outcome {
        record Applied(List<EpochClockEvent> events) implements Outcome {
        }

        record Rejected(ClockRejection rejection) implements Outcome {
        }
    }

    /**
     * What readers see: the state after the last write of this process. Sets before the last one are rows of the
     * {@code rewarded_set} read model ({@code readmodel.RewardedSetRow}).
     *
     * @param lastSelected the last selected set, or null before the first
     * @param selections   how many sets were selected
     */
    public record ReadView(EpochClockState clock, EpochClockEvent.EpochEnded lastEnded, SelectedSet lastSelected,
                           long selections, List<String> waitingFor, long version) {
    }

    /**
     * Where the time of this process's last selection went: drawing the set (inputs to proof, with its digest),
     * encoding the events, and appending them (the insert, and applying them to the cached state). Logged with the
     * selection and read by the benchmark.
     */
    public record SelectionTiming(long epochId, Duration select, Duration encode, Duration append, int proofPayloadChars) {
    }

    /** Result of re-folding the log and recomputing every selection from the inputs recorded before it. */
    public record LogVerification(long events, int selectionsVerified, Optional<String> firstMismatch) {
    }

    private final DataSource dataSource;
    private final Settings settings;
    private final EventStore store = new EventStore();
    private final StreamFold<SelectionView> fold;
    private final CommandHandler<SelectionView> handler;
    private final RewardedSetDraw draw;
    private final EventStore.Lookup proofByEpoch = store.lookup(SelectionEvents.REWARDED_SET_SELECTED, "epoch_id");
    /** Held across the two decisions of a write, so that no other writer of this process decides between them. */
    private final ReentrantLock writer = new ReentrantLock();
    /** True until the first fold, and after a failed write (the fold may be ahead of the log): the next read catches up. */
    private volatile boolean stale = true;
    private volatile ReadView published = new ReadView(EpochClock.initialState(), null, null, 0, List.of(), 0);
    private final RewardedSetHistory history;

    public SelectionService(DataSource dataSource, Settings settings) {
        this(dataSource, settings, 0);
    }

    /**
     * With snapshots of the fold every {@code snapshotEvery} events (0: none), in the schema's {@code snapshot} table
     * (docs/adr/0011): a start-up folds only the events after the latest one the log confirms.
     */
    public SelectionService(DataSource dataSource, Settings settings, long snapshotEvery) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.fold = new StreamFold<>(store, settings.streamId(), SelectionView.EVOLVER)
                .withSnapshots(new SnapshotStore(dataSource), new SelectionViewCodec(), snapshotEvery);
        this.handler = new CommandHandler<>("selection-service stream " + settings.streamId(), dataSource, store, fold,
                ConcurrencyPolicy.optimistic(3));
        this.draw = new RewardedSetDraw(handler, settings);
        this.history = new RewardedSetHistory(dataSource, settings.streamId());
    }

    public Settings settings() {
        return settings;
    }

    /** The timing of the last selection this process made, if any. */
    public Optional<SelectionTiming> lastSelectionTiming() {
        return draw.lastTiming();
    }

    // ------------------------------------------------------------------ commands

    /** Folds the log; initialises the clock (and selects epoch 0's bootstrap set) on the very first start. */
    public Outcome start(Instant now) {
        Outcome outcome = write(c -> {
            Decision<List<EpochClockEvent>> d = handler.decideIn(c, settings.streamId(), v -> {
                if (!(v.clock instanceof EpochClockState.Uninitialized)) {
                    ClockConfig logged = config(v.clock);
                    ClockConfig configured = new ClockConfig(settings.epochLength(), settings.epochsInInterval(), settings.mode());
                    ClockAgreement.disagreement(logged, configured).ifPresent(why -> {
                        throw new IllegalStateException("selection-service refuses to start: " + why);
                    });
                    if (logged.mode() != configured.mode()) {
                        LOG.warnf("clock mode %s configured, the logged mode %s is kept", configured.mode(), logged.mode());
                    }
                    return Decision.none(List.of());
                }
                return clockDecision(new EpochClockCommand.InitializeClock(now, settings.epochLength(),
                        settings.epochsInInterval(), settings.mode()), v);
            });
            if (d instanceof Decision.Accepted<List<EpochClockEvent>> a && !a.result().isEmpty()) {
                LOG.infof("clock initialised: mode %s, epoch length %s, %d epochs per interval, epoch 0 starts at %s",
                        settings.mode(), settings.epochLength(), settings.epochsInInterval(), now);
            }
            return thenSelect(c, d, null);
        });
        ReadView r = published;
        LOG.infof("state folded from stream %s: %d events, clock %s, %d rewarded sets", settings.streamId(), view().version(),
                describe(r.clock()), r.selections());
        history.rebuildIfBehindLog(r.lastSelected());
        return outcome;
    }

    /**
     * Drops the {@code rewarded_set} read model and writes it again from the log (admin; also done by {@link #start}
     * when the last selected set has no row). Returns how many events were read and sets written.
     */
    public RewardedSetHistory.Result rebuildHistory() {
        return history.rebuild();
    }

    /** Time passing (REAL/ACCELERATED): ends the running epoch when its end is at or before {@code now}. */
    public Outcome tick(Instant now) {
        return clockCommand(new EpochClockCommand.Tick(now));
    }

    /** Admin advance (MANUAL mode only): ends the running epoch at {@code now}. */
    public Outcome advance(Instant now, String actor) {
        return clockCommand(new EpochClockCommand.Advance(now, actor));
    }

    private Outcome clockCommand(EpochClockCommand command) {
        return write(c -> {
            Decision<List<EpochClockEvent>> d = handler.decideIn(c, settings.streamId(), v -> clockDecision(command, v));
            if (d instanceof Decision.Accepted<List<EpochClockEvent>> a) {
                for (EpochClockEvent e : a.result()) {
                    if (e instanceof EpochClockEvent.EpochEnded ended) {
                        LOG.infof("epoch %d ended at %s (by %s)%s", ended.epochId(), ended.end(), ended.endedBy(),
                                ended.lastInInterval() ? ", last of interval " + ended.intervalId() : "");
                    }
                }
            }
            return thenSelect(c, d, null);
        });
    }

    /** A clock command decided by the domain, its events encoded with their integration events. */
    private Decision<List<EpochClockEvent>> clockDecision(EpochClockCommand command, SelectionView v) {
        return switch (EpochClock.decide(command, v.clock)) {
            case ClockDecision.Rejected r -> Decision.reject(r.rejection());
            case ClockDecision.Accepted a -> Decision.accept(
                    ClockEncoding.pending(a.events(), proof -> null, settings.consumerName(), null),
                    ClockEncoding.history(a.events(), settings.streamId()), a.events());
        };
    }

    /** After an accepted command: the selection it made due, if any, in the same transaction. */
    private Outcome thenSelect(Connection c, Decision<List<EpochClockEvent>> d, UUID cause) throws SQLException {
        return switch (d) {
            case Decision.Rejected<List<EpochClockEvent>> r -> new Outcome.Rejected((ClockRejection) r.rejection());
            case Decision.Accepted<List<EpochClockEvent>> a -> {
                List<EpochClockEvent> appended = new ArrayList<>(a.result());
                appended.addAll(draw.selectIfDue(c, cause));
                yield new Outcome.Applied(appended);
            }
        };
    }

    /**
     * Consumer handler: records an input event of rewards-service or performance-service in this service's log,
     * caused by it, inside the consumer's transaction (with its inbox record), then selects if that completed the inputs.
     * Types this service does not use are ignored; a duplicate stake snapshot or performance of an epoch changes nothing.
     */
    public void onInput(Connection c, StoredEvent input) throws SQLException {
        if (!INPUT_TYPES.contains(input.eventType())) {
            return;
        }
        writer.lock();
        try {
            Decision<Boolean> d = handler.decideIn(c, settings.streamId(), v -> {
                Decision.Pending record = InputRecording.recordOf(v, input, settings.consumerName());
                return record == null ? Decision.none(false) : Decision.accept(List.of(record), true);
            });
            if (d instanceof Decision.Accepted<Boolean> a && a.result()) {
                draw.selectIfDue(c, input.eventId());
            }
            publish();
        } catch (SQLException | RuntimeException e) {
            stale = true;
            throw e;
        } finally {
            writer.unlock();
        }
    }

    // ------------------------------------------------------------------ state

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One write in a transaction of its own, under the writer lock; the read view is published after it commits. */
    private <T> T write(Work<T> work) {
        writer.lock();
        try {
            T result = Transactions.inTransaction(dataSource, work::run);
            publish();
            return result;
        } catch (RuntimeException e) {
            stale = true;
            throw e;
        } finally {
            writer.unlock();
        }
    }

    private void publish() {
        SelectionView v = fold.state();
        List<String> waiting = List.of();
        if (v.clock instanceof EpochClockState.AwaitingRewardedSet a && a.next().epochId() > 0
                && v.inputs.readinessFor(a.next().epochId()) instanceof Readiness.Waiting w) {
            waiting = w.missing();
        }
        published = new ReadView(v.clock, v.lastEnded, v.lastSelected, v.selections, waiting, fold.version());
        stale = false;
    }

    /** The state after the last write; catches up with the log first when this process has not read it yet. */
    public ReadView view() {
        if (stale) {
            writer.lock();
            try {
                if (stale) {
                    handler.catchUp(settings.streamId());
                    publish();
                }
            } finally {
                writer.unlock();
            }
        }
        return published;
    }

    /**
     * The logged proof of epoch {@code epochId} in the JSON form of v1 ({@link ProofJson}), whichever schema version
     * stored it (a v2 payload unpacked: the same values). Found through the partial index of migration V100.
     */
    public Optional<ProofJson> proof(long epochId) {
        return Transactions.inTransaction(dataSource, c -> proofByEpoch.first(c, settings.streamId(), epochId))
                .map(SelectionEvents::proofOf);
    }

    /**
     * Rebuild check: folds the stored log from the start into a fresh state and, before each logged selection,
     * recomputes it from the inputs recorded before it (the seed from the hash chain of the folded state, or the beacon
     * the proof names); each recomputed proof digest must equal the logged one, and each logged proof must verify.
     */
    public LogVerification verifyLog() {
        List<StoredEvent> log = Transactions.inTransaction(dataSource, c -> store.readStream(c, settings.streamId()));
        return RewardedSetDraw.verify(log);
    }

    static ClockConfig config(EpochClockState s) {
        return switch (s) {
            case EpochClockState.Uninitialized u -> null;
            case EpochClockState.Running r -> r.config();
            case EpochClockState.AwaitingRewardedSet a -> a.config();
        };
    }

    static String describe(EpochClockState s) {
        return switch (s) {
            case EpochClockState.Uninitialized u -> "uninitialised";
            case EpochClockState.Running r -> "epoch " + r.current().epochId() + " running";
            case EpochClockState.AwaitingRewardedSet a -> "awaiting the rewarded set of epoch " + a.next().epochId();
        };
    }
}
