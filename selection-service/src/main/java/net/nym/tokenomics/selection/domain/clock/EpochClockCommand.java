package net.nym.tokenomics.selection.domain.clock;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.SeedInput;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Commands to the epoch clock stream. Time always comes in with the command. */
public sealed interface EpochClockCommand {

    /** Starts the clock: epoch 0 of interval 0 begins at {@code genesisStart} once its rewarded set is selected. */
    record InitializeClock(Instant genesisStart, Duration epochLength, int epochsInInterval, ClockMode mode)
            implements EpochClockCommand {
    }

    /** Real/accelerated time passing: ends the running epoch if its end is at or before {@code now}. */
    record Tick(Instant now) implements EpochClockCommand {
    }

    /** Admin advance in MANUAL mode: ends the running epoch at {@code now}. */
    record Advance(Instant now, String actor) implements EpochClockCommand {
    }

    /**
     * Selects the rewarded set of the epoch about to start and starts it. Without a beacon the seed is the hash chain
     * over the previous epoch's published proof digest, which the clock state holds; the previous layers come from
     * the state too.
     *
     * @param candidates ascending by node id ({@link net.nym.tokenomics.selection.domain.selection.CandidateList})
     * @param beacon     a configured beacon value for this epoch, if any
     */
    record SelectRewardedSet(long epochId, List<Candidate> candidates, RewardedSetSizes sizes,
                             Decimal stakeSaturationPoint, Optional<SeedInput.Beacon> beacon)
            implements EpochClockCommand {
        public SelectRewardedSet {
            candidates = List.copyOf(candidates);
        }
    }
}
