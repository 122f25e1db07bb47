package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.rewards.domain.rewarding.PoolChange;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;

import java.util.Objects;

/**
 * The ledger's singletons, replaced as a whole on change.
 *
 * @param pendingPoolChange  rewards removed from / fees added to the pool since the interval began
 * @param nextNodeId         id the next bonded node gets (ids are never reused)
 * @param nextPendingEventId id the next queued epoch or interval event gets (one sequence for both queues)
 * @param supply             where every token is (issue 15); {@code null} in a ledger whose log has no genesis
 *                           allocation (logs written before accounts existed: no account holds anything there)
 */
public record LedgerGlobals(RewardingParams params, IntervalClock clock, ContractSettings settings,
                            PoolChange pendingPoolChange, long nextNodeId, long nextPendingEventId, Supply supply) {

    public LedgerGlobals {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pendingPoolChange, "pendingPoolChange");
    }

    public LedgerGlobals withParams(RewardingParams value) {
        return new LedgerGlobals(value, clock, settings, pendingPoolChange, nextNodeId, nextPendingEventId, supply);
    }

    public LedgerGlobals withClock(IntervalClock value) {
        return new LedgerGlobals(params, value, settings, pendingPoolChange, nextNodeId, nextPendingEventId, supply);
    }

    public LedgerGlobals withSettings(ContractSettings value) {
        return new LedgerGlobals(params, clock, value, pendingPoolChange, nextNodeId, nextPendingEventId, supply);
    }

    public LedgerGlobals withPendingPoolChange(PoolChange value) {
        return new LedgerGlobals(params, clock, settings, value, nextNodeId, nextPendingEventId, supply);
    }

    public LedgerGlobals withNextNodeId(long value) {
        return new LedgerGlobals(params, clock, settings, pendingPoolChange, value, nextPendingEventId, supply);
    }

    public LedgerGlobals withNextPendingEventId(long value) {
        return new LedgerGlobals(params, clock, settings, pendingPoolChange, nextNodeId, value, supply);
    }

    public LedgerGlobals withSupply(Supply value) {
        return new LedgerGlobals(params, clock, settings, pendingPoolChange, nextNodeId, nextPendingEventId, value);
    }

    /** Whether tokens are accounted: every bond, pledge and delegation is paid from a balance. */
    public boolean funded() {
        return supply != null;
    }

    public long currentEpoch() {
        return clock.absoluteEpochId();
    }
}
