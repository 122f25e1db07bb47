package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.rewards.domain.rewarding.NodeCostParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An action queued until the end of the current interval, applied in id (FIFO) order after the epoch events. */
public sealed interface PendingIntervalEvent {

    long id();

    Instant createdAt();

    record CostParamsChange(long id, Instant createdAt, long nodeId, NodeCostParams costParams) implements PendingIntervalEvent {
        public CostParamsChange {
            Objects.requireNonNull(costParams, "costParams");
        }
    }

    record RewardingParamsChange(long id, Instant createdAt, RewardingParamsUpdate update) implements PendingIntervalEvent {
        public RewardingParamsChange {
            Objects.requireNonNull(update, "update");
        }
    }

    record IntervalConfigChange(long id, Instant createdAt, int epochsInInterval, Duration epochLength)
            implements PendingIntervalEvent {
        public IntervalConfigChange {
            Objects.requireNonNull(epochLength, "epochLength");
        }
    }
}
