package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.selection.domain.clock.EpochClockEvent;
import net.nym.tokenomics.selection.domain.selection.RewardedSet;
import net.nym.tokenomics.selection.domain.selection.Shortfall;
import net.nym.tokenomics.selection.persistence.RewardedSetTable;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One epoch's published rewarded set, as the read side keeps it (the full proof stays in the log): the fold's last one,
 * and every one as a row of the {@code rewarded_set} read model.
 */
public record SelectedSet(long epochId, RewardedSet set, String seed, String proofDigest, Shortfall shortfall, int candidates) {

    /** The summary of a selection: the one definition for the fold, the live rows and the rebuilt rows. */
    static SelectedSet of(EpochClockEvent.RewardedSetSelected s) {
        return new SelectedSet(s.epochId(), s.proof().result(), s.proof().seed().hex(), s.proof().digest().hex(),
                s.proof().shortfall(), s.proof().candidates().size());
    }

    /** Writes this set's row of the read model, as a set of the stream {@code streamId}. */
    void put(Connection c, String streamId) throws SQLException {
        RewardedSetTable.put(c, streamId, epochId, set, seed, proofDigest, shortfall, candidates);
    }
}
