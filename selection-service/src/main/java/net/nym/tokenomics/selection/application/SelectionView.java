package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.eventlog.command.Decision;
import net.nym.tokenomics.eventlog.command.StreamFold;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClock;
import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;
import net.nym.tokenomics.selection.domain.inputs.SelectionInputs;
import net.nym.tokenomics.selection.persistence.SelectionEvents;

/**
 * The service's state folded from its log, in log order: the clock, the recorded inputs, the last selected set and how
 * many were selected. Every earlier set is a row of the {@code rewarded_set} read model (ADR 0012), so the state does
 * not grow with the epochs. The {@link #EVOLVER} of the service's {@link StreamFold}: mutated only by it, under the
 * service's writer lock; readers get its immutable parts through {@code SelectionService.ReadView}.
 */
final class SelectionView {

    /**
     * Folds events read from the log from their payloads, and events this process appended from the values it encoded
     * them from, so that a writer does not parse back a proof it has just written: a restart folds the same events from
     * their payloads, which give equal values (the codecs round-trip exactly).
     */
    static final StreamFold.Evolver<SelectionView> EVOLVER = StreamFold.evolver(SelectionView::new,
            (v, e) -> v.apply(SelectionEvents.decodeFolded(e)),
            (v, version, p) -> v.apply(p.decoded() != null || SelectionEvents.PUBLISHED.contains(p.event().eventType())
                    ? p.decoded() : SelectionEvents.decodeFolded(stored(p, version))));

    EpochClockState clock = EpochClock.initialState();
    EpochClockEvent.EpochEnded lastEnded;
    final SelectionInputs inputs = new SelectionInputs();
    /** The last selected set, or null before the first. */
    SelectedSet lastSelected;
    /** How many sets were selected (every one has its row). */
    long selections;
    long events;

    /** Applies the next event of the log; {@code folded} is {@link SelectionEvents#decodeFolded} of it (null: not folded). */
    void apply(Object folded) {
        events++;
        switch (folded) {
            case null -> { }
            case IntegrationEvents.NodeBonded b -> inputs.applyBonded(b);
            case IntegrationEvents.NodeUnbonded u -> inputs.applyUnbonded(u);
            case IntegrationEvents.StakeSnapshotTaken s -> inputs.applySnapshot(s);
            case IntegrationEvents.EpochPerformanceComputed p -> inputs.applyPerformance(p);
            case EpochClockEvent ce -> applyClock(ce);
            default -> { } // an InputRejected: recorded for the audit trail, changes nothing
        }
    }

    private void applyClock(EpochClockEvent ce) {
        clock = EpochClock.evolve(clock, ce);
        switch (ce) {
            case EpochClockEvent.EpochEnded ended -> lastEnded = ended;
            case EpochClockEvent.RewardedSetSelected s -> {
                lastSelected = SelectedSet.of(s);
                selections++;
                // the next selection (epoch e+1) reads the inputs of epoch e only
                inputs.forgetBefore(s.epochId());
            }
            case EpochClockEvent.ClockInitialized i -> { }
            case EpochClockEvent.EpochStarted st -> { }
        }
    }

    /** An appended event without its decoded value, as the log will hold it (its payload is decoded from there). */
    private static StoredEvent stored(Decision.Pending p, long version) {
        NewEvent e = p.event();
        return new StoredEvent(0, 0, e.eventId(), "", version, e.eventType(), e.schemaVersion(), e.payload(), e.metadata(), null);
    }
}
