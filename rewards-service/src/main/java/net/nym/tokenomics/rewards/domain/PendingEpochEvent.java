package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.rewarding.ActiveSetUpdate;

import java.time.Instant;
import java.util.Objects;

/**
 * An action queued until the end of the current epoch, applied in id (FIFO) order after that epoch's rewarding.
 * Tokens that come with a request (delegation, pledge increase) are held from the moment it is queued.
 */
public sealed interface PendingEpochEvent {

    long id();

    Instant createdAt();

    record DelegationRequest(long id, Instant createdAt, String owner, long nodeId, Unym amount) implements PendingEpochEvent {
        public DelegationRequest {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(amount, "amount");
        }
    }

    record UndelegationRequest(long id, Instant createdAt, String owner, long nodeId) implements PendingEpochEvent {
        public UndelegationRequest {
            Objects.requireNonNull(owner, "owner");
        }
    }

    record PledgeIncrease(long id, Instant createdAt, long nodeId, Unym amount) implements PendingEpochEvent {
        public PledgeIncrease {
            Objects.requireNonNull(amount, "amount");
        }
    }

    record PledgeDecrease(long id, Instant createdAt, long nodeId, Unym amount) implements PendingEpochEvent {
        public PledgeDecrease {
            Objects.requireNonNull(amount, "amount");
        }
    }

    record UnbondRequest(long id, Instant createdAt, long nodeId) implements PendingEpochEvent {
    }

    record ActiveSetChange(long id, Instant createdAt, ActiveSetUpdate update) implements PendingEpochEvent {
        public ActiveSetChange {
            Objects.requireNonNull(update, "update");
        }
    }
}
