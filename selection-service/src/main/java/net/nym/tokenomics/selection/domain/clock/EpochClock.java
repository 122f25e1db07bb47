package net.nym.tokenomics.selection.domain.clock;

import net.nym.tokenomics.selection.domain.clock.ClockRejection.AdvanceRequiresManualMode;
import net.nym.tokenomics.selection.domain.clock.ClockRejection.AlreadyInitialized;
import net.nym.tokenomics.selection.domain.clock.ClockRejection.InvalidClockConfig;
import net.nym.tokenomics.selection.domain.clock.ClockRejection.InvalidCommand;
import net.nym.tokenomics.selection.domain.clock.ClockRejection.NotAwaitingSelection;
import net.nym.tokenomics.selection.domain.clock.ClockRejection.NotInitialized;
import net.nym.tokenomics.selection.domain.clock.ClockRejection.TimeBeforeEpochStart;
import net.nym.tokenomics.selection.domain.clock.ClockRejection.TransitionInProgress;
import net.nym.tokenomics.selection.domain.clock.ClockRejection.WrongEpoch;
import net.nym.tokenomics.selection.domain.clock.EpochClockCommand.Advance;
import net.nym.tokenomics.selection.domain.clock.EpochClockCommand.InitializeClock;
import net.nym.tokenomics.selection.domain.clock.EpochClockCommand.SelectRewardedSet;
import net.nym.tokenomics.selection.domain.clock.EpochClockCommand.Tick;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent.ClockInitialized;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent.EpochEnded;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent.EpochStarted;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent.RewardedSetSelected;
import net.nym.tokenomics.selection.domain.clock.EpochClockState.AwaitingRewardedSet;
import net.nym.tokenomics.selection.domain.clock.EpochClockState.LastSelection;
import net.nym.tokenomics.selection.domain.clock.EpochClockState.Running;
import net.nym.tokenomics.selection.domain.clock.EpochClockState.Uninitialized;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.SeedInput;

import java.time.Instant;
import java.util.List;

/**
 * The epoch clock as a decider over one stream. An epoch's life: {@code EpochEnded(e)} (Tick or Advance), then,
 * once stake and performance for e+1 are known, {@code SelectRewardedSet(e+1)} emits {@code RewardedSetSelected(e+1)}
 * and {@code EpochStarted(e+1)} together (DESIGN §3).
 *
 * <p>Invariants: epochs end one at a time, in order, each exactly once, so a stalled clock catches up with one
 * EpochEnded per elapsed epoch (each followed by its selection), never skipping one. In REAL/ACCELERATED mode the
 * next epoch starts at {@code previous start + epoch length}, as the contract's {@code advance_epoch} does, not at
 * the tick's time; in MANUAL mode it starts at the Advance's {@code now}. Replaying the log and ticking with the same
 * {@code now} emits nothing new, because every decision depends only on the folded state and the command.
 */
public final class EpochClock {

    public static final String CLOCK_ACTOR = "clock";

    private EpochClock() {
    }

    public static EpochClockState initialState() {
        return new Uninitialized();
    }

    public static EpochClockState fold(List<? extends EpochClockEvent> events) {
        EpochClockState state = initialState();
        for (EpochClockEvent e : events) {
            state = evolve(state, e);
        }
        return state;
    }

    public static ClockDecision decide(EpochClockCommand command, EpochClockState state) {
        return switch (command) {
            case InitializeClock c -> initialize(c, state);
            case Tick c -> tick(c, state);
            case Advance c -> advance(c, state);
            case SelectRewardedSet c -> select(c, state);
        };
    }

    private static ClockDecision initialize(InitializeClock c, EpochClockState state) {
        if (!(state instanceof Uninitialized)) {
            return ClockDecision.reject(new AlreadyInitialized());
        }
        if (c.genesisStart() == null) {
            return ClockDecision.reject(new InvalidClockConfig("genesis_start", "is required"));
        }
        if (c.epochLength() == null || c.epochLength().isNegative() || c.epochLength().isZero()) {
            return ClockDecision.reject(new InvalidClockConfig("epoch_length", "must be positive"));
        }
        if (c.epochsInInterval() <= 0) {
            return ClockDecision.reject(new InvalidClockConfig("epochs_in_interval", "must be positive, got " + c.epochsInInterval()));
        }
        if (c.mode() == null) {
            return ClockDecision.reject(new InvalidClockConfig("mode", "is required"));
        }
        return ClockDecision.accept(new ClockInitialized(c.genesisStart(),
                new ClockConfig(c.epochLength(), c.epochsInInterval(), c.mode())));
    }

    private static ClockDecision tick(Tick c, EpochClockState state) {
        return switch (state) {
            case Uninitialized u -> ClockDecision.reject(new NotInitialized());
            case AwaitingRewardedSet a -> ClockDecision.accept();
            case Running r -> {
                Instant end = r.current().start().plus(r.config().epochLength());
                boolean due = r.config().mode() != ClockMode.MANUAL && !end.isAfter(c.now());
                yield due ? ClockDecision.accept(ended(r, end, CLOCK_ACTOR)) : ClockDecision.accept();
            }
        };
    }

    private static ClockDecision advance(Advance c, EpochClockState state) {
        return switch (state) {
            case Uninitialized u -> ClockDecision.reject(new NotInitialized());
            case AwaitingRewardedSet a -> ClockDecision.reject(new TransitionInProgress(a.next().epochId()));
            case Running r -> {
                if (r.config().mode() != ClockMode.MANUAL) {
                    yield ClockDecision.reject(new AdvanceRequiresManualMode(r.config().mode()));
                }
                if (c.actor() == null || c.actor().isBlank()) {
                    yield ClockDecision.reject(new InvalidCommand("actor", "is required"));
                }
                if (c.now().isBefore(r.current().start())) {
                    yield ClockDecision.reject(new TimeBeforeEpochStart(r.current().epochId(), r.current().start(), c.now()));
                }
                yield ClockDecision.accept(ended(r, c.now(), c.actor()));
            }
        };
    }

    private static EpochEnded ended(Running r, Instant end, String endedBy) {
        EpochPosition p = r.current();
        return new EpochEnded(p.epochId(), p.intervalId(), p.epochInInterval(), p.start(), end,
                p.lastInInterval(r.config()), endedBy);
    }

    private static ClockDecision select(SelectRewardedSet c, EpochClockState state) {
        return switch (state) {
            case Uninitialized u -> ClockDecision.reject(new NotInitialized());
            case Running r -> ClockDecision.reject(new NotAwaitingSelection(c.epochId(), r.current().epochId()));
            case AwaitingRewardedSet a -> {
                EpochPosition next = a.next();
                if (c.epochId() != next.epochId()) {
                    yield ClockDecision.reject(new WrongEpoch(next.epochId(), c.epochId()));
                }
                if (c.stakeSaturationPoint().isZero()) {
                    yield ClockDecision.reject(new InvalidCommand("stake_saturation_point", "must be positive"));
                }
                for (int i = 1; i < c.candidates().size(); i++) {
                    if (c.candidates().get(i - 1).nodeId().compareTo(c.candidates().get(i).nodeId()) >= 0) {
                        yield ClockDecision.reject(new InvalidCommand("candidates[" + i + "].node_id",
                                "candidates must be strictly ascending by node id"));
                    }
                }
                SeedInput seedInput = c.beacon().<SeedInput>map(b -> b)
                        .orElseGet(() -> new SeedInput.HashChain(a.selected().digest()));
                SelectionProof proof = SelectionProof.select(c.epochId(), seedInput, c.sizes(), c.stakeSaturationPoint(),
                        c.candidates(), a.selected().layers());
                yield ClockDecision.accept(new RewardedSetSelected(c.epochId(), proof),
                        new EpochStarted(next.epochId(), next.intervalId(), next.epochInInterval(), next.start(),
                                next.start().plus(a.config().epochLength())));
            }
        };
    }

    /** Applies one event. Total: an event that does not fit the state leaves it unchanged. */
    public static EpochClockState evolve(EpochClockState state, EpochClockEvent event) {
        return switch (event) {
            case ClockInitialized e -> state instanceof Uninitialized
                    ? new AwaitingRewardedSet(e.config(), new EpochPosition(0, 0, 0, e.genesisStart()), LastSelection.NONE)
                    : state;
            case EpochEnded e -> state instanceof Running r && r.current().epochId() == e.epochId()
                    ? new AwaitingRewardedSet(r.config(), e.lastInInterval()
                            ? new EpochPosition(e.epochId() + 1, e.intervalId() + 1, 0, e.end())
                            : new EpochPosition(e.epochId() + 1, e.intervalId(), e.epochInInterval() + 1, e.end()),
                            r.last())
                    : state;
            case RewardedSetSelected e -> state instanceof AwaitingRewardedSet a && a.next().epochId() == e.epochId()
                    ? new AwaitingRewardedSet(a.config(), a.next(),
                            new LastSelection(e.proof().digest(), e.proof().result().layers()))
                    : state;
            case EpochStarted e -> state instanceof AwaitingRewardedSet a && a.next().epochId() == e.epochId()
                    ? new Running(a.config(), new EpochPosition(e.epochId(), e.intervalId(), e.epochInInterval(), e.start()),
                            a.selected())
                    : state;
        };
    }
}
