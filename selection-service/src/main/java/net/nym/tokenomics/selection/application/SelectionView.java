package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClock;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs;
import net.nym.tokenomics.selection.persistence.SelectionEvents;

import java.util.List;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The service's state folded from its log, in log order: the clock, the recorded inputs and a summary of every selected
 * set. Mutated only under {@link SelectionService}'s lock; {@code selected} is concurrent so readers can share it.
 */
final class SelectionView {

    EpochClockState clock = EpochClock.initialState();
    EpochClockEvent.EpochEnded lastEnded;
    final SelectionInputs inputs = new SelectionInputs();
    final NavigableMap<Long, SelectedSet> selected = new ConcurrentSkipListMap<>();
    long version;
    UUID lastEventId;
    long events;

    static SelectionView fold(List<StoredEvent> log) {
        SelectionView v = new SelectionView();
        log.forEach(v::apply);
        return v;
    }

    void apply(StoredEvent e) {
        apply(e, null);
    }

    /**
     * @param decoded the event's decoded form when the caller has it at hand (it just encoded the event, or decoded the
     *                input it records); otherwise null and the payload is decoded. A writer passes it so that it does not
     *                parse back a proof it has just written: a restart folds the same events from their payloads,
     *                which give equal values (the codecs round-trip exactly).
     */
    void apply(StoredEvent e, Object decoded) {
        version = e.streamVersion();
        lastEventId = e.eventId();
        events++;
        if (SelectionEvents.isPublished(e)) {
            return;
        }
        if (SelectionEvents.isInput(e)) {
            switch (decoded != null ? decoded : SelectionEvents.decodeInput(e)) {
                case IntegrationEvents.NodeBonded b -> inputs.applyBonded(b);
                case IntegrationEvents.NodeUnbonded u -> inputs.applyUnbonded(u);
                case IntegrationEvents.StakeSnapshotTaken s -> inputs.applySnapshot(s);
                case IntegrationEvents.EpochPerformanceComputed p -> inputs.applyPerformance(p);
                default -> throw new IllegalStateException("unhandled input type " + e.describe());
            }
            return;
        }
        if ((decoded != null ? decoded : SelectionEvents.decodeOwn(e)) instanceof EpochClockEvent ce) {
            applyClock(ce);
        }
    }

    void applyClock(EpochClockEvent ce) {
        clock = EpochClock.evolve(clock, ce);
        switch (ce) {
            case EpochClockEvent.EpochEnded ended -> lastEnded = ended;
            case EpochClockEvent.RewardedSetSelected s -> {
                selected.put(s.epochId(), new SelectedSet(s.epochId(), s.proof().result(), s.proof().seed().hex(),
                        s.proof().digest().hex(), s.proof().shortfall(), s.proof().candidates().size()));
                // the next selection (epoch e+1) reads the inputs of epoch e only
                inputs.forgetBefore(s.epochId());
            }
            case EpochClockEvent.ClockInitialized i -> { }
            case EpochClockEvent.EpochStarted st -> { }
        }
    }
}
