package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Unym;

import java.util.Objects;
import java.util.OptionalLong;

/** Where a node is in its lifecycle. Only {@link Bonded} nodes accept operator actions and new delegations. */
public sealed interface NodeBond {

    /**
     * @param originalPledge      the pledge {@code O} is reset to on operator withdrawal
     * @param pendingPledgeChange id of the queued pledge increase or decrease, if any (at most one at a time)
     */
    record Bonded(String owner, String identityKey, Unym originalPledge, long bondedAtEpoch,
                  OptionalLong pendingPledgeChange) implements NodeBond {
        public Bonded {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(identityKey, "identityKey");
            Objects.requireNonNull(originalPledge, "originalPledge");
            Objects.requireNonNull(pendingPledgeChange, "pendingPledgeChange");
        }

        public Bonded withPledge(Unym value) {
            return new Bonded(owner, identityKey, value, bondedAtEpoch, OptionalLong.empty());
        }

        public Bonded withPendingPledgeChange(long eventId) {
            return new Bonded(owner, identityKey, originalPledge, bondedAtEpoch, OptionalLong.of(eventId));
        }
    }

    /** Unbond requested; still rewarded until the request is reconciled at the end of the epoch. */
    record Unbonding(String owner, String identityKey, Unym originalPledge, long bondedAtEpoch, long unbondEventId)
            implements NodeBond {
        public Unbonding {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(identityKey, "identityKey");
            Objects.requireNonNull(originalPledge, "originalPledge");
        }
    }

    /**
     * Bond gone, {@code O = 0}. The record stays only while delegations remain, so that they can still be
     * undelegated; it earns nothing more.
     */
    record Unbonded(String formerOwner, long unbondedAtEpoch) implements NodeBond {
        public Unbonded {
            Objects.requireNonNull(formerOwner, "formerOwner");
        }
    }

    /** The owner, or former owner, of the node. */
    default String owner() {
        return switch (this) {
            case Bonded b -> b.owner();
            case Unbonding u -> u.owner();
            case Unbonded u -> u.formerOwner();
        };
    }

    /** Bonded or unbonding: the node still holds a pledge and is rewarded if it is in the rewarded set. */
    default boolean holdsPledge() {
        return !(this instanceof Unbonded);
    }
}
