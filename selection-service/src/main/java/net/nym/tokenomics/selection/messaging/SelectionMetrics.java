package net.nym.tokenomics.selection.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.domain.clock.EpochClockState;

/**
 * Gauges an operator alerts on: the epoch the clock is in, and whether it is waiting for a rewarded set (for long, it
 * means an input from rewards-service or performance-service is missing; {@code GET /v1/epochs/current} says which).
 */
@ApplicationScoped
public class SelectionMetrics {

    private final SelectionService service;
    private final MeterRegistry meters;

    public SelectionMetrics(SelectionService service, MeterRegistry meters) {
        this.service = service;
        this.meters = meters;
    }

    void register(@Observes StartupEvent event) {
        meters.gauge("selection_epoch_id", service, s -> switch (s.view().clock()) {
            case EpochClockState.Uninitialized u -> -1;
            case EpochClockState.Running r -> r.current().epochId();
            case EpochClockState.AwaitingRewardedSet a -> a.next().epochId() - 1;
        });
        meters.gauge("selection_awaiting_rewarded_set", service,
                s -> s.view().clock() instanceof EpochClockState.AwaitingRewardedSet ? 1 : 0);
        meters.gauge("selection_rewarded_sets", service, s -> s.view().selections());
    }
}
