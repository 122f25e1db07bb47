package net.nym.tokenomics.selection.domain.clock;

import net.nym.tokenomics.selection.domain.selection.Digest;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The clock's lifecycle: not started; an epoch running; or between epochs, waiting for the next rewarded set. */
public sealed interface EpochClockState {

    /** What the next selection needs from the previous one: its proof digest (hash chain) and its layers. */
    record LastSelection(Digest digest, SortedMap<NodeId, Layer> layers) {
        public static final LastSelection NONE = new LastSelection(Digest.ZERO, new TreeMap<>());

        public LastSelection {
            layers = Collections.unmodifiableSortedMap(new TreeMap<>(layers));
        }
    }

    record Uninitialized() implements EpochClockState {
    }

    record Running(ClockConfig config, EpochPosition current, LastSelection last) implements EpochClockState {
    }

    /**
     * @param next the epoch to start once its rewarded set is selected (its start is already fixed)
     * @param selected the proof digest/layers of {@code next} once {@code RewardedSetSelected} was applied, otherwise
     *                 of the epoch before
     */
    record AwaitingRewardedSet(ClockConfig config, EpochPosition next, LastSelection selected) implements EpochClockState {
    }
}
