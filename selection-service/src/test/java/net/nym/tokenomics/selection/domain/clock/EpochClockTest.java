package net.nym.tokenomics.selection.domain.clock;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
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
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent.EpochEnded;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent.EpochStarted;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent.RewardedSetSelected;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EpochClockTest {

    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final RewardedSetSizes SIZES = new RewardedSetSizes(1, 1, 3, 1);
    private static final Decimal SATURATION_POINT = Decimal.of(1_000_000);
    private static final List<Candidate> CANDIDATES = candidates();

    private static List<Candidate> candidates() {
        List<Candidate> list = new ArrayList<>();
        for (long id = 1; id <= 8; id++) {
            DeclaredRoles roles = id <= 2 ? DeclaredRoles.fromNodeRoles(false, true, true, true) : new DeclaredRoles(true, false, false);
            list.add(Candidate.of(NodeId.of(id), "n1op" + id, roles, Decimal.of(100_000 * id), SATURATION_POINT, Percent.parse("0.9" + id)));
        }
        return List.copyOf(list);
    }

    /** An event log with a decide-and-append loop, as the application layer will run it. */
    private static final class Stream_ {
        final List<EpochClockEvent> log = new ArrayList<>();

        Stream_(EpochClockEvent... events) {
            log.addAll(List.of(events));
        }

        EpochClockState state() {
            return EpochClock.fold(log);
        }

        List<EpochClockEvent> handle(EpochClockCommand command) {
            ClockDecision d = EpochClock.decide(command, state());
            assertThat(d).as("%s", command).isInstanceOf(ClockDecision.Accepted.class);
            List<EpochClockEvent> events = ((ClockDecision.Accepted) d).events();
            log.addAll(events);
            return events;
        }

        List<EpochClockEvent> select(long epochId) {
            return handle(new SelectRewardedSet(epochId, CANDIDATES, SIZES, SATURATION_POINT, Optional.empty()));
        }
    }

    private static Stream_ started(ClockMode mode, int epochsInInterval) {
        Stream_ s = new Stream_();
        s.handle(new InitializeClock(GENESIS, HOUR, epochsInInterval, mode));
        s.select(0);
        return s;
    }

    static Stream<Arguments> rejections() {
        SelectRewardedSet select0 = new SelectRewardedSet(0, CANDIDATES, SIZES, SATURATION_POINT, Optional.empty());
        return Stream.of(
                arguments("tick before init", new Stream_(), new Tick(GENESIS), new NotInitialized()),
                arguments("advance before init", new Stream_(), new Advance(GENESIS, "admin"), new NotInitialized()),
                arguments("select before init", new Stream_(), select0, new NotInitialized()),
                arguments("init twice", started(ClockMode.REAL, 720), new InitializeClock(GENESIS, HOUR, 720, ClockMode.REAL), new AlreadyInitialized()),
                arguments("zero epoch length", new Stream_(), new InitializeClock(GENESIS, Duration.ZERO, 720, ClockMode.REAL),
                        new InvalidClockConfig("epoch_length", "must be positive")),
                arguments("zero epochs in interval", new Stream_(), new InitializeClock(GENESIS, HOUR, 0, ClockMode.REAL),
                        new InvalidClockConfig("epochs_in_interval", "must be positive, got 0")),
                arguments("advance in real mode", started(ClockMode.REAL, 720), new Advance(GENESIS.plusSeconds(5), "admin"),
                        new AdvanceRequiresManualMode(ClockMode.REAL)),
                arguments("advance during transition", awaitingFirstSelection(ClockMode.MANUAL), new Advance(GENESIS, "admin"),
                        new TransitionInProgress(0)),
                arguments("advance before the epoch started", started(ClockMode.MANUAL, 720), new Advance(GENESIS.minusSeconds(1), "admin"),
                        new TimeBeforeEpochStart(0, GENESIS, GENESIS.minusSeconds(1))),
                arguments("advance without actor", started(ClockMode.MANUAL, 720), new Advance(GENESIS, " "), new InvalidCommand("actor", "is required")),
                arguments("select while running", started(ClockMode.REAL, 720), select0, new NotAwaitingSelection(0, 0)),
                arguments("select for the wrong epoch", awaitingFirstSelection(ClockMode.REAL),
                        new SelectRewardedSet(5, CANDIDATES, SIZES, SATURATION_POINT, Optional.empty()), new WrongEpoch(0, 5)),
                arguments("select with zero saturation point", awaitingFirstSelection(ClockMode.REAL),
                        new SelectRewardedSet(0, CANDIDATES, SIZES, Decimal.ZERO, Optional.empty()),
                        new InvalidCommand("stake_saturation_point", "must be positive")),
                arguments("select with unordered candidates", awaitingFirstSelection(ClockMode.REAL),
                        new SelectRewardedSet(0, List.of(CANDIDATES.get(1), CANDIDATES.get(0)), SIZES, SATURATION_POINT, Optional.empty()),
                        new InvalidCommand("candidates[1].node_id", "candidates must be strictly ascending by node id")));
    }

    private static Stream_ awaitingFirstSelection(ClockMode mode) {
        Stream_ s = new Stream_();
        s.handle(new InitializeClock(GENESIS, HOUR, 720, mode));
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejects(String name, Stream_ given, EpochClockCommand command, ClockRejection expected) {
        assertThat(EpochClock.decide(command, given.state())).isEqualTo(new ClockDecision.Rejected(expected));
        assertThat(expected.message()).isNotBlank();
    }

    @Test
    void tickEndsTheEpochOnlyAtItsEnd() {
        Stream_ s = started(ClockMode.REAL, 720);
        assertThat(s.handle(new Tick(GENESIS.plus(HOUR).minusMillis(1)))).isEmpty();
        assertThat(s.handle(new Tick(GENESIS.plus(HOUR))))
                .containsExactly(new EpochEnded(0, 0, 0, GENESIS, GENESIS.plus(HOUR), false, EpochClock.CLOCK_ACTOR));
        assertThat(s.handle(new Tick(GENESIS.plus(HOUR)))).as("waiting for the rewarded set").isEmpty();
        List<EpochClockEvent> started = s.select(1);
        assertThat(started.getFirst()).isInstanceOf(RewardedSetSelected.class);
        assertThat(started.get(1)).isEqualTo(new EpochStarted(1, 0, 1, GENESIS.plus(HOUR), GENESIS.plus(HOUR.multipliedBy(2))));
    }

    /** A stall of 10.5 epochs: one EpochEnded per elapsed epoch, in order, starts = previous start + length. */
    @Test
    void stallCatchesUpOneEpochAtATimeAcrossARestart() {
        Instant now = GENESIS.plus(HOUR.multipliedBy(21).dividedBy(2));
        Stream_ uninterrupted = started(ClockMode.REAL, 720);
        catchUp(uninterrupted, now, Integer.MAX_VALUE);

        Stream_ restarted = started(ClockMode.REAL, 720);
        catchUp(restarted, now, 4);   // crash after EpochEnded(3), before epoch 4's rewarded set
        Stream_ afterRestart = new Stream_(restarted.log.toArray(EpochClockEvent[]::new));
        assertThat(afterRestart.handle(new Tick(now))).as("same now after replay: nothing new").isEmpty();
        afterRestart.select(4);
        catchUp(afterRestart, now, Integer.MAX_VALUE);

        assertThat(afterRestart.log).isEqualTo(uninterrupted.log);
        List<EpochEnded> ended = uninterrupted.log.stream().filter(EpochEnded.class::isInstance).map(EpochEnded.class::cast).toList();
        assertThat(ended).extracting(EpochEnded::epochId).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        for (EpochEnded e : ended) {
            assertThat(e.start()).isEqualTo(GENESIS.plus(HOUR.multipliedBy(e.epochId())));
            assertThat(e.end()).isEqualTo(e.start().plus(HOUR));
        }
        assertThat(uninterrupted.state()).isInstanceOfSatisfying(EpochClockState.Running.class,
                r -> assertThat(r.current()).isEqualTo(new EpochPosition(10, 0, 10, GENESIS.plus(HOUR.multipliedBy(10)))));
        assertThat(uninterrupted.handle(new Tick(now))).isEmpty();
    }

    /** Tick, and when an epoch ended, select the next; stop when a tick emits nothing or after {@code maxEpochs}. */
    private static void catchUp(Stream_ s, Instant now, int maxEpochs) {
        for (int i = 0; i < maxEpochs; i++) {
            List<EpochClockEvent> events = s.handle(new Tick(now));
            if (events.isEmpty()) {
                return;
            }
            EpochEnded ended = (EpochEnded) events.getFirst();
            if (i + 1 < maxEpochs) {
                s.select(ended.epochId() + 1);
            }
        }
    }

    @Test
    void intervalRollsOverAfter720Epochs() {
        Stream_ s = started(ClockMode.ACCELERATED, ClockConfig.DEFAULT_EPOCHS_IN_INTERVAL);
        Instant now = GENESIS.plus(HOUR.multipliedBy(721));
        catchUp(s, now, Integer.MAX_VALUE);
        List<EpochEnded> last = s.log.stream().filter(EpochEnded.class::isInstance).map(EpochEnded.class::cast)
                .filter(EpochEnded::lastInInterval).toList();
        assertThat(last).singleElement().satisfies(e -> {
            assertThat(e.epochId()).isEqualTo(719);
            assertThat(e.epochInInterval()).isEqualTo(719);
            assertThat(e.intervalId()).isZero();
        });
        assertThat(s.log).contains(new EpochStarted(720, 1, 0, GENESIS.plus(HOUR.multipliedBy(720)), GENESIS.plus(HOUR.multipliedBy(721))));
        assertThat(s.log).contains(new EpochStarted(721, 1, 1, GENESIS.plus(HOUR.multipliedBy(721)), GENESIS.plus(HOUR.multipliedBy(722))));
    }

    @Test
    void configurableIntervalLength() {
        Stream_ s = started(ClockMode.REAL, 3);
        catchUp(s, GENESIS.plus(HOUR.multipliedBy(7)), Integer.MAX_VALUE);
        assertThat(s.log.stream().filter(EpochStarted.class::isInstance).map(EpochStarted.class::cast)
                .map(e -> e.intervalId() + "/" + e.epochInInterval()).toList())
                .containsExactly("0/0", "0/1", "0/2", "1/0", "1/1", "1/2", "2/0", "2/1");
    }

    @Test
    void manualModeEndsOnlyOnAdvance() {
        Stream_ s = started(ClockMode.MANUAL, 720);
        assertThat(s.handle(new Tick(GENESIS.plus(HOUR.multipliedBy(50))))).isEmpty();
        Instant at = GENESIS.plusSeconds(90);
        assertThat(s.handle(new Advance(at, "admin-1"))).containsExactly(new EpochEnded(0, 0, 0, GENESIS, at, false, "admin-1"));
        assertThat(s.select(1).get(1)).isEqualTo(new EpochStarted(1, 0, 1, at, at.plus(HOUR)));
    }

    @Test
    void eachSelectionChainsThePreviousDigestAndLayers() {
        Stream_ s = started(ClockMode.REAL, 720);
        s.handle(new Tick(GENESIS.plus(HOUR)));
        s.select(1);
        List<RewardedSetSelected> selected = s.log.stream().filter(RewardedSetSelected.class::isInstance)
                .map(RewardedSetSelected.class::cast).toList();
        assertThat(selected.get(0).proof().seedInput()).isEqualTo(new SeedInput.HashChain(
                net.nym.tokenomics.selection.domain.selection.Digest.ZERO));
        assertThat(selected.get(1).proof().seedInput()).isEqualTo(new SeedInput.HashChain(selected.get(0).proof().digest()));
        assertThat(selected.get(1).proof().previousLayers()).isEqualTo(selected.get(0).proof().result().layers());
        selected.forEach(r -> assertThat(SelectionVerifier.verify(r.proof()).verified()).isTrue());

        s.handle(new Tick(GENESIS.plus(HOUR.multipliedBy(2))));
        SeedInput.Beacon beacon = new SeedInput.Beacon("d4a0b1c2");
        List<EpochClockEvent> events = s.handle(new SelectRewardedSet(2, CANDIDATES, SIZES, SATURATION_POINT, Optional.of(beacon)));
        assertThat(((RewardedSetSelected) events.getFirst()).proof().seed().hex()).isEqualTo("d4a0b1c2");
    }

    @Test
    void evolveIsTotalAndFoldingTwiceGivesTheSameState() {
        Stream_ s = started(ClockMode.REAL, 3);
        catchUp(s, GENESIS.plus(HOUR.multipliedBy(5)), Integer.MAX_VALUE);
        assertThat(EpochClock.fold(s.log)).isEqualTo(s.state());
        // Every event applied to every state reached, in any order, never throws.
        List<EpochClockState> states = new ArrayList<>();
        states.add(EpochClock.initialState());
        for (EpochClockEvent e : s.log) {
            states.add(EpochClock.evolve(states.getLast(), e));
        }
        for (EpochClockState state : states) {
            for (EpochClockEvent e : s.log) {
                assertThat(EpochClock.evolve(state, e)).isNotNull();
            }
        }
        List<EpochClockEvent> duplicated = new ArrayList<>(s.log);
        duplicated.addAll(s.log);
        assertThat(EpochClock.fold(duplicated)).as("redelivered events change nothing").isEqualTo(s.state());
    }
}
