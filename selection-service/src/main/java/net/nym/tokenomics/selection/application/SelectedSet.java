package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.selection.domain.selection.RewardedSet;
import net.nym.tokenomics.selection.domain.selection.Shortfall;

/** One epoch's published rewarded set, as the read side keeps it (the full proof stays in the log). */
public record SelectedSet(long epochId, RewardedSet set, String seed, String proofDigest, Shortfall shortfall, int candidates) {
}
