package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.command.CommandHandler;
import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.domain.clock.ClockDecision;
import net.nym.tokenomics.selection.domain.clock.EpochClock;
import net.nym.tokenomics.selection.domain.clock.EpochClockCommand;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs.Readiness;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.SelectionVerifier;
import net.nym.tokenomics.selection.persistence.ProofColumns;
import net.nym.tokenomics.selection.persistence.SelectionEvents;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.LongFunction;

/**
 * The selection of the next rewarded set, as a decision of the service's {@link CommandHandler} taken after every
 * command that may have made it due; and the rebuild check that recomputes every logged selection.
 *
 * <p>What runs beside what: the proof's stored table depends only on the candidates and the previous layers, so it is
 * packed on a virtual thread while the domain draws the set (and hashes the proof's input part on another).
 */
final class RewardedSetDraw {

    /** The service's log category, as before this was split out of it. */
    private static final Logger LOG = Logger.getLogger(SelectionService.class);

    private final CommandHandler<SelectionView> handler;
    private final SelectionService.Settings settings;
    private volatile SelectionService.SelectionTiming lastTiming;

    RewardedSetDraw(CommandHandler<SelectionView> handler, SelectionService.Settings settings) {
        this.handler = handler;
        this.settings = settings;
    }

    Optional<SelectionService.SelectionTiming> lastTiming() {
        return Optional.ofNullable(lastTiming);
    }

    /** A selection as decided, with the times of its steps ({@link System#nanoTime}) for {@link SelectionService.SelectionTiming}. */
    private record Selected(List<EpochClockEvent> events, long started, long drawn, long encoded, int proofPayloadChars) {
    }

    /**
     * Selects the rewarded set that is due in this transaction, if any, and returns the events appended (none when
     * nothing is due). A refusal by the domain is logged and appends nothing. Called under the service's writer lock,
     * right after a command was decided in the same transaction.
     *
     * @param cause the consumed input whose recording made the selection due, or null
     */
    List<EpochClockEvent> selectIfDue(Connection c, UUID cause) throws SQLException {
        // nothing is due unless the clock waits for a set (the fold was caught up by the command just decided): saves
        // the handler's head query after every other recorded input, e.g. 100,000 registrations
        if (!(handler.folded().state().clock instanceof EpochClockState.AwaitingRewardedSet)) {
            return List.of();
        }
        Decision<Selected> d = handler.decideIn(c, settings.streamId(), v -> decide(v, cause));
        long appended = System.nanoTime();
        if (!(d instanceof Decision.Accepted<Selected> a) || a.result() == null) {
            return List.of();
        }
        Selected s = a.result();
        for (EpochClockEvent e : s.events()) {
            if (e instanceof EpochClockEvent.RewardedSetSelected r) {
                SelectionProof p = r.proof();
                lastTiming = new SelectionService.SelectionTiming(r.epochId(), Duration.ofNanos(s.drawn() - s.started()),
                        Duration.ofNanos(s.encoded() - s.drawn()), Duration.ofNanos(appended - s.encoded()), s.proofPayloadChars());
                LOG.infof("epoch %d: rewarded set of %d nodes selected from %d candidates (shortfall %s), seed %s, proof %s; "
                                + "select %d ms, encode %d ms, append %d ms, proof payload %d characters", r.epochId(), p.result().size(),
                        p.candidates().size(), p.shortfall(), p.seed().hex(), p.digest().hex(), lastTiming.select().toMillis(),
                        lastTiming.encode().toMillis(), lastTiming.append().toMillis(), s.proofPayloadChars());
            }
        }
        return s.events();
    }

    private Decision<Selected> decide(SelectionView v, UUID cause) {
        long started = System.nanoTime();
        Optional<EpochClockCommand.SelectRewardedSet> command = dueCommand(v, settings.beacons()::get,
                settings.bootstrapSizes(), settings.bootstrapStakeSaturationPoint());
        if (command.isEmpty()) {
            return Decision.none(null);
        }
        List<Candidate> candidates = command.get().candidates();
        SortedMap<NodeId, Layer> previous = SelectionProof.relevantLayers(candidates,
                v.clock instanceof EpochClockState.AwaitingRewardedSet a ? a.selected().layers() : Map.of());
        FutureTask<String> columns = new FutureTask<>(() -> ProofColumns.encode(candidates, previous));
        Thread.ofVirtual().name("selection-proof-columns-" + command.get().epochId()).start(columns);
        var d = EpochClock.decide(command.get(), v.clock);
        if (d instanceof ClockDecision.Rejected r) {
            columns.cancel(true);
            LOG.errorf("selection of epoch %d refused: %s", command.get().epochId(), r.rejection().message());
            return Decision.none(null);
        }
        List<EpochClockEvent> events = ((ClockDecision.Accepted) d).events();
        long drawn = System.nanoTime();
        List<Decision.Pending> pending = ClockEncoding.pending(events, proof -> proof.candidates().equals(candidates)
                && proof.previousLayers().equals(previous) ? packed(columns) : null, settings.consumerName(), cause);
        long encoded = System.nanoTime();
        int payload = pending.stream().filter(p -> p.decoded() instanceof EpochClockEvent.RewardedSetSelected)
                .mapToInt(p -> p.event().payload().length()).sum();
        return Decision.accept(pending, ClockEncoding.history(events, settings.streamId()), new Selected(events, started, drawn, encoded, payload));
    }

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

    /** See {@link SelectionService#verifyLog()}: {@code log} is the whole stream, in order. */
    static SelectionService.LogVerification verify(List<StoredEvent> log) {
        SelectionView fresh = SelectionView.EVOLVER.empty();
        int verified = 0;
        for (StoredEvent e : log) {
            Object folded = SelectionEvents.decodeFolded(e);
            if (folded instanceof EpochClockEvent.RewardedSetSelected logged) {
                SelectionProof proof = logged.proof();
                String beacon = proof.seedInput() instanceof SeedInput.Beacon b ? b.hex() : null;
                Optional<EpochClockCommand.SelectRewardedSet> due = dueCommand(fresh, epoch -> beacon, proof.sizes(),
                        proof.stakeSaturationPoint());
                if (due.isEmpty() || due.get().epochId() != logged.epochId()) {
                    return new SelectionService.LogVerification(fresh.events, verified, Optional.of("epoch " + logged.epochId()
                            + ": logged selection at stream version " + e.streamVersion() + " was not due in the folded state"));
                }
                var d = EpochClock.decide(due.get(), fresh.clock);
                if (!(d instanceof ClockDecision.Accepted acc)
                        || !(acc.events().getFirst() instanceof EpochClockEvent.RewardedSetSelected expected)
                        || !expected.proof().digest().equals(proof.digest())) {
                    return new SelectionService.LogVerification(fresh.events, verified, Optional.of("epoch " + logged.epochId()
                            + ": recomputed proof differs from the logged digest " + proof.digest()));
                }
                if (SelectionVerifier.verify(proof) instanceof SelectionVerifier.Verdict.Mismatch m) {
                    return new SelectionService.LogVerification(fresh.events, verified, Optional.of("epoch " + logged.epochId()
                            + ": logged proof does not verify at " + m.field()));
                }
                verified++;
            }
            fresh.apply(folded);
        }
        return new SelectionService.LogVerification(fresh.events, verified, Optional.empty());
    }
}
