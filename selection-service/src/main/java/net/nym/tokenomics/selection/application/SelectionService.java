package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.eventlog.store.EventDecodingException;
import net.nym.tokenomics.eventlog.store.EventLogException;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.store.WrongExpectedVersionException;
import net.nym.tokenomics.selection.domain.clock.ClockConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import net.nym.tokenomics.selection.domain.clock.ClockRejection;
import net.nym.tokenomics.selection.domain.clock.Decision;
import net.nym.tokenomics.selection.domain.clock.EpochClock;
import net.nym.tokenomics.selection.domain.clock.EpochClockCommand;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs.Readiness;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.SelectionVerifier;
import net.nym.tokenomics.selection.persistence.ProofColumns;
import net.nym.tokenomics.selection.persistence.ProofJson;
import net.nym.tokenomics.selection.persistence.SelectionEvents;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.SortedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The application layer of selection-service: every write goes load (fold, cached) → decide → append, in one
 * transaction, on one stream ({@link Settings#streamId()}) that holds the clock's events, the recorded inputs and the
 * published integration events. Writers of this process are serialised by a lock; other processes by the store's
 * optimistic concurrency (a conflict refolds and retries).
 *
 * <p>After every write the service checks whether the next rewarded set is due (the clock waits for it and all its
 * inputs are recorded) and, if so, selects it in the same transaction: {@code selection.RewardedSetSelected} with the
 * full proof, the integration {@code RewardedSetSelected} and {@code EpochStarted}, domain and integration together.
 */
public final class SelectionService {

    private static final Logger LOG = Logger.getLogger(SelectionService.class);
    public static final String DEFAULT_STREAM = "selection";
    /** The integration events selection takes as inputs; its consumer passes over every other type. */
    public static final Set<String> INPUT_TYPES = Set.of(IntegrationEvents.NodeBonded.TYPE, IntegrationEvents.NodeUnbonded.TYPE,
            IntegrationEvents.StakeSnapshotTaken.TYPE, IntegrationEvents.EpochPerformanceComputed.TYPE);

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

    /** What readers see: the state after the last write of this process. */
    public record ReadView(EpochClockState clock, EpochClockEvent.EpochEnded lastEnded,
                           NavigableMap<Long, SelectedSet> selected, List<String> waitingFor, long version) {
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
    private final ReentrantLock lock = new ReentrantLock();
    private SelectionView view;
    private volatile SelectionTiming lastTiming;
    private volatile ReadView published = new ReadView(EpochClock.initialState(), null, new java.util.TreeMap<>(), List.of(), 0);

    public SelectionService(DataSource dataSource, Settings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The timing of the last selection this process made, if any. */
    public Optional<SelectionTiming> lastSelectionTiming() {
        return Optional.ofNullable(lastTiming);
    }

    // ------------------------------------------------------------------ commands

    /** Folds the log; initialises the clock (and selects epoch 0's bootstrap set) on the very first start. */
    public Outcome start(Instant now) {
        Outcome outcome = command(c -> {
            List<EpochClockEvent> appended = new ArrayList<>();
            if (view.clock instanceof EpochClockState.Uninitialized) {
                Decision d = EpochClock.decide(new EpochClockCommand.InitializeClock(now, settings.epochLength(),
                        settings.epochsInInterval(), settings.mode()), view.clock);
                if (d instanceof Decision.Rejected r) {
                    return new Outcome.Rejected(r.rejection());
                }
                appended.addAll(appendClock(c, ((Decision.Accepted) d).events(), null));
                LOG.infof("clock initialised: mode %s, epoch length %s, %d epochs per interval, epoch 0 starts at %s",
                        settings.mode(), settings.epochLength(), settings.epochsInInterval(), now);
            } else {
                ClockConfig logged = config(view.clock);
                ClockConfig configured = new ClockConfig(settings.epochLength(), settings.epochsInInterval(), settings.mode());
                if (!configured.equals(logged)) {
                    LOG.warnf("clock configuration %s differs from the logged one %s; the logged one is kept", configured, logged);
                }
            }
            appended.addAll(selectIfDue(c, null));
            return new Outcome.Applied(appended);
        });
        ReadView r = published;
        LOG.infof("state folded from stream %s: %d events, clock %s, %d rewarded sets", settings.streamId(), view().version(),
                describe(r.clock()), r.selected().size());
        return outcome;
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
        return command(c -> {
            Decision d = EpochClock.decide(command, view.clock);
            if (d instanceof Decision.Rejected r) {
                return new Outcome.Rejected(r.rejection());
            }
            List<EpochClockEvent> appended = new ArrayList<>(appendClock(c, ((Decision.Accepted) d).events(), null));
            for (EpochClockEvent e : appended) {
                if (e instanceof EpochClockEvent.EpochEnded ended) {
                    LOG.infof("epoch %d ended at %s (by %s)%s", ended.epochId(), ended.end(), ended.endedBy(),
                            ended.lastInInterval() ? ", last of interval " + ended.intervalId() : "");
                }
            }
            appended.addAll(selectIfDue(c, null));
            return new Outcome.Applied(appended);
        });
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
        lock.lock();
        try {
            refresh(c);
            Recorded record = recordOf(input);
            if (record != null) {
                appendRaw(c, List.of(record.event()), Collections.singletonList(record.decoded()), input.eventId());
                selectIfDue(c, input.eventId());
            }
            publish();
        } catch (SQLException | RuntimeException e) {
            view = null;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** An event to append with its decoded form (see {@link SelectionView#apply(StoredEvent, Object)}). */
    private record Recorded(NewEvent event, Object decoded) {
    }

    private Recorded recordOf(StoredEvent input) {
        UUID id = UUID.randomUUID();
        Object rec;
        try {
            rec = SelectionEvents.decodeIntegration(input);
        } catch (EventDecodingException e) {
            LOG.warnf("input %s rejected: %s", input.describe(), e.getMessage());
            return rejected(id, input, e.getMessage());
        }
        return switch (rec) {
            case IntegrationEvents.StakeSnapshotTaken s -> {
                if (view.inputs.hasSnapshot(s.epochId()) || alreadySelected(s.epochId() + 1)) {
                    LOG.infof("stake snapshot of epoch %d already recorded or used; %s ignored", s.epochId(), input.eventId());
                    yield null;
                }
                String reason = SelectionInputs.invalidSnapshotReason(s);
                if (reason != null) {
                    LOG.warnf("stake snapshot of epoch %d rejected: %s", s.epochId(), reason);
                    yield rejected(id, input, reason);
                }
                LOG.infof("stake snapshot of epoch %d recorded: %d nodes", s.epochId(), s.nodes().size());
                yield recorded(id, input, s);
            }
            case IntegrationEvents.EpochPerformanceComputed p -> {
                if (view.inputs.hasPerformance(p.epochId()) || alreadySelected(p.epochId() + 1)) {
                    LOG.infof("performance of epoch %d already recorded or used; %s ignored", p.epochId(), input.eventId());
                    yield null;
                }
                String reason = SelectionInputs.invalidPerformanceReason(p);
                if (reason != null) {
                    LOG.warnf("performance of epoch %d rejected: %s", p.epochId(), reason);
                    yield rejected(id, input, reason);
                }
                LOG.infof("performance of epoch %d recorded: %d nodes", p.epochId(), p.nodes().size());
                yield recorded(id, input, p);
            }
            case IntegrationEvents.NodeBonded b -> {
                if (b.owner() == null || b.nodeId() < 0 || b.nodeId() > NodeId.MAX) {
                    yield rejected(id, input, "node_id/owner: a u32 node id and an owner are required");
                }
                yield recorded(id, input, b);
            }
            case IntegrationEvents.NodeUnbonded u -> u.nodeId() < 0 || u.nodeId() > NodeId.MAX ? null
                    : recorded(id, input, u);
            default -> null;
        };
    }

    private static Recorded recorded(UUID id, StoredEvent input, Object decoded) {
        return new Recorded(SelectionEvents.recordInput(id, input, decoded), decoded);
    }

    private static Recorded rejected(UUID id, StoredEvent input, String reason) {
        SelectionEvents.InputRejected r = new SelectionEvents.InputRejected(input.eventType(), input.eventId().toString(), reason);
        return new Recorded(SelectionEvents.encodeRejected(id, r), r);
    }

    /** A published set is never recomputed: inputs for an epoch whose successor is selected are late and ignored. */
    private boolean alreadySelected(long epochId) {
        return !view.selected.isEmpty() && epochId <= view.selected.lastKey();
    }

    // ------------------------------------------------------------------ selection

    private List<EpochClockEvent> selectIfDue(Connection c, UUID cause) throws SQLException {
        long started = System.nanoTime();
        Optional<EpochClockCommand.SelectRewardedSet> command = dueCommand(view, settings.beacons()::get,
                settings.bootstrapSizes(), settings.bootstrapStakeSaturationPoint());
        if (command.isEmpty()) {
            return List.of();
        }
        // the proof's stored table depends on the candidates and previous layers only: packed beside the draw
        List<Candidate> candidates = command.get().candidates();
        SortedMap<NodeId, Layer> previous = SelectionProof.relevantLayers(candidates,
                view.clock instanceof EpochClockState.AwaitingRewardedSet a ? a.selected().layers() : Map.of());
        FutureTask<String> columns = new FutureTask<>(() -> ProofColumns.encode(candidates, previous));
        Thread.ofVirtual().name("selection-proof-columns-" + command.get().epochId()).start(columns);
        Decision d = EpochClock.decide(command.get(), view.clock);
        if (d instanceof Decision.Rejected r) {
            columns.cancel(true);
            LOG.errorf("selection of epoch %d refused: %s", command.get().epochId(), r.rejection().message());
            return List.of();
        }
        List<EpochClockEvent> events = ((Decision.Accepted) d).events();
        long selected = System.nanoTime();
        Encoded encoded = encode(events, proof -> proof.candidates().equals(candidates) && proof.previousLayers().equals(previous)
                ? packed(columns) : null);
        long encodedAt = System.nanoTime();
        appendRaw(c, encoded.events(), encoded.decoded(), cause);
        long appended = System.nanoTime();
        for (int i = 0; i < encoded.events().size(); i++) {
            if (encoded.decoded().get(i) instanceof EpochClockEvent.RewardedSetSelected s) {
                SelectionProof p = s.proof();
                int payload = encoded.events().get(i).payload().length();
                lastTiming = new SelectionTiming(s.epochId(), Duration.ofNanos(selected - started),
                        Duration.ofNanos(encodedAt - selected), Duration.ofNanos(appended - encodedAt), payload);
                LOG.infof("epoch %d: rewarded set of %d nodes selected from %d candidates (shortfall %s), seed %s, proof %s; "
                                + "select %d ms, encode %d ms, append %d ms, proof payload %d characters", s.epochId(), p.result().size(),
                        p.candidates().size(), p.shortfall(), p.seed().hex(), p.digest().hex(), lastTiming.select().toMillis(),
                        lastTiming.encode().toMillis(), lastTiming.append().toMillis(), payload);
            }
        }
        return events;
    }

    /**
     * The selection command that is due in this state, if any: the clock waits for epoch {@code e}'s set and its inputs
     * are all recorded (epoch 0: the bootstrap set from the registered nodes, with the given sizes and saturation point).
     */
    static Optional<EpochClockCommand.SelectRewardedSet> dueCommand(SelectionView v, LongFunction<String> beacons,
                                                                    RewardedSetSizes bootstrapSizes, Decimal bootstrapSsp) {
        if (!(v.clock instanceof EpochClockState.AwaitingRewardedSet a)) {
            return Optional.empty();
        }
        long epoch = a.next().epochId();
        Readiness r = epoch == 0
                ? new Readiness.Ready(v.inputs.bootstrapCandidates(bootstrapSsp), bootstrapSizes, bootstrapSsp)
                : v.inputs.readinessFor(epoch);
        if (!(r instanceof Readiness.Ready ready)) {
            return Optional.empty();
        }
        Optional<SeedInput.Beacon> beacon = Optional.ofNullable(beacons.apply(epoch)).map(SeedInput.Beacon::new);
        return Optional.of(new EpochClockCommand.SelectRewardedSet(epoch, ready.candidates(), ready.sizes(),
                ready.stakeSaturationPoint(), beacon));
    }

    // ------------------------------------------------------------------ appending

    private static String packed(FutureTask<String> columns) {
        try {
            return columns.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while packing the proof's columns", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private List<EpochClockEvent> appendClock(Connection c, List<EpochClockEvent> events, UUID cause) throws SQLException {
        Encoded encoded = encode(events, proof -> null);
        appendRaw(c, encoded.events(), encoded.decoded(), cause);
        return events;
    }

    /** The events to append for these clock events, each domain event followed by its integration event, if any. */
    private record Encoded(List<NewEvent> events, List<Object> decoded) {
    }

    /** @param packedColumns a proof's packed table when it was computed already (else null: packed here) */
    private static Encoded encode(List<EpochClockEvent> events, Function<SelectionProof, String> packedColumns) {
        List<NewEvent> out = new ArrayList<>();
        List<Object> decoded = new ArrayList<>();
        for (EpochClockEvent e : events) {
            out.add(SelectionEvents.encodeClock(UUID.randomUUID(), e,
                    e instanceof EpochClockEvent.RewardedSetSelected s ? packedColumns.apply(s.proof()) : null));
            decoded.add(e);
            Object integration = switch (e) {
                case EpochClockEvent.ClockInitialized i -> null;
                case EpochClockEvent.EpochEnded x -> new IntegrationEvents.EpochEnded(x.epochId(), x.intervalId(),
                        x.epochInInterval(), x.start(), x.end(), x.lastInInterval());
                case EpochClockEvent.RewardedSetSelected x -> {
                    ProofJson.Lists l = ProofJson.Lists.of(x.proof().result());
                    yield new IntegrationEvents.RewardedSetSelected(x.epochId(), l.entryGateways(), l.exitGateways(),
                            l.layer1(), l.layer2(), l.layer3(), l.standby(), x.proof().seed().hex(), x.proof().digest().hex());
                }
                case EpochClockEvent.EpochStarted x -> new IntegrationEvents.EpochStarted(x.epochId(), x.intervalId(),
                        x.epochInInterval(), x.start(), x.plannedEnd());
            };
            if (integration != null) {
                out.add(SelectionEvents.encodeIntegration(UUID.randomUUID(), integration));
                decoded.add(null); // published, not folded
            }
        }
        return new Encoded(out, decoded);
    }

    /** @param decoded per event, its decoded form or null (see {@link SelectionView#apply(StoredEvent, Object)}) */
    private void appendRaw(Connection c, List<NewEvent> events, List<Object> decoded, UUID cause) throws SQLException {
        List<NewEvent> marked = cause == null ? events
                : events.stream().map(e -> e.causedBy(settings.consumerName(), cause)).toList();
        List<StoredEvent> stored = store.append(c, settings.streamId(), view.version, marked);
        for (int i = 0; i < stored.size(); i++) {
            view.apply(stored.get(i), decoded.get(i));
        }
    }

    // ------------------------------------------------------------------ state

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T command(Work<T> work) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    T result = Transactions.inTransaction(dataSource, c -> {
                        refresh(c);
                        return work.run(c);
                    });
                    publish();
                    return result;
                } catch (WrongExpectedVersionException e) {
                    view = null;
                    if (attempt >= 3) {
                        throw e;
                    }
                    LOG.infof("stream %s changed concurrently; refolding and retrying", settings.streamId());
                } catch (RuntimeException e) {
                    view = null;
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Makes {@link #view} the fold of the stream as this connection sees it (cached while its last event is unchanged). */
    private void refresh(Connection c) throws SQLException {
        long version = 0;
        UUID last = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT stream_version, event_id FROM event_log WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1")) {
            ps.setString(1, settings.streamId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    version = rs.getLong(1);
                    last = rs.getObject(2, UUID.class);
                }
            }
        }
        if (view != null && view.version == version && Objects.equals(view.lastEventId, last)) {
            return;
        }
        view = SelectionView.fold(store.readStream(c, settings.streamId()));
    }

    private void publish() {
        if (view == null) {
            return;
        }
        List<String> waiting = List.of();
        if (view.clock instanceof EpochClockState.AwaitingRewardedSet a && a.next().epochId() > 0
                && view.inputs.readinessFor(a.next().epochId()) instanceof Readiness.Waiting w) {
            waiting = w.missing();
        }
        published = new ReadView(view.clock, view.lastEnded, view.selected, waiting, view.version);
    }

    /** The state after the last write; refolds from the log first when this process has not read it yet. */
    public ReadView view() {
        if (view == null) {
            lock.lock();
            try {
                if (view == null) {
                    Transactions.inTransaction(dataSource, c -> {
                        refresh(c);
                        return null;
                    });
                    publish();
                }
            } finally {
                lock.unlock();
            }
        }
        return published;
    }

    /**
     * The logged proof of epoch {@code epochId} in the JSON form of v1 ({@link ProofJson}), whichever schema version
     * stored it: a v1 payload as it is, a v2 payload unpacked (the same values).
     */
    public Optional<ProofJson> proof(long epochId) {
        return Transactions.inTransaction(dataSource, c -> {
            // the type is a literal so that the partial index of V100 applies
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT payload::text, schema_version FROM event_log
                     WHERE stream_id = ? AND event_type = 'selection.RewardedSetSelected'
                       AND ((payload ->> 'epoch_id')::bigint) = ?
                     ORDER BY stream_version LIMIT 1""")) {
                ps.setString(1, settings.streamId());
                ps.setLong(2, epochId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String payload = rs.getString(1);
                    return Optional.of(rs.getInt(2) == 1
                            ? Json.read(payload, SelectionEvents.RewardedSetSelectedV1.class).proof()
                            : ProofJson.of(Json.read(payload, SelectionEvents.RewardedSetSelectedV2.class).proof().toDomain()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                    throw new EventLogException("stored proof of epoch " + epochId + " is malformed: " + e.getMessage(), e);
                }
            }
        });
    }

    /**
     * Rebuild check: folds the stored log from the start into a fresh state and, before each logged selection,
     * recomputes it from the inputs recorded before it (the seed from the hash chain of the folded state, or the beacon
     * the proof names); each recomputed proof digest must equal the logged one, and each logged proof must verify.
     */
    public LogVerification verifyLog() {
        List<StoredEvent> log = Transactions.inTransaction(dataSource, c -> store.readStream(c, settings.streamId()));
        SelectionView fresh = new SelectionView();
        int verified = 0;
        for (StoredEvent e : log) {
            if (SelectionEvents.REWARDED_SET_SELECTED.equals(e.eventType())) {
                var logged = (EpochClockEvent.RewardedSetSelected) SelectionEvents.decodeOwn(e);
                SelectionProof proof = logged.proof();
                String beacon = proof.seedInput() instanceof SeedInput.Beacon b ? b.hex() : null;
                Optional<EpochClockCommand.SelectRewardedSet> due = dueCommand(fresh, epoch -> beacon, proof.sizes(),
                        proof.stakeSaturationPoint());
                if (due.isEmpty() || due.get().epochId() != logged.epochId()) {
                    return new LogVerification(fresh.events, verified, Optional.of("epoch " + logged.epochId()
                            + ": logged selection at stream version " + e.streamVersion() + " was not due in the folded state"));
                }
                Decision d = EpochClock.decide(due.get(), fresh.clock);
                if (!(d instanceof Decision.Accepted acc)
                        || !(acc.events().getFirst() instanceof EpochClockEvent.RewardedSetSelected expected)
                        || !expected.proof().digest().equals(proof.digest())) {
                    return new LogVerification(fresh.events, verified, Optional.of("epoch " + logged.epochId()
                            + ": recomputed proof differs from the logged digest " + proof.digest()));
                }
                if (SelectionVerifier.verify(proof) instanceof SelectionVerifier.Verdict.Mismatch m) {
                    return new LogVerification(fresh.events, verified, Optional.of("epoch " + logged.epochId()
                            + ": logged proof does not verify at " + m.field()));
                }
                verified++;
            }
            fresh.apply(e);
        }
        return new LogVerification(fresh.events, verified, Optional.empty());
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
