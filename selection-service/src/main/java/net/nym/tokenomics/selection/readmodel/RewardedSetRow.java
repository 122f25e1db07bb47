package net.nym.tokenomics.selection.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import net.nym.tokenomics.selection.application.SelectedSet;
import net.nym.tokenomics.selection.domain.selection.Shortfall;
import net.nym.tokenomics.selection.persistence.RewardedSetTable;

import java.io.Serializable;
import java.util.Objects;

/** A row of {@code rewarded_set}, read only (written by {@link RewardedSetTable} with the selection's events). */
@Entity
@Table(name = "rewarded_set")
@IdClass(RewardedSetRow.Key.class)
public class RewardedSetRow extends PanacheEntityBase {

    /** The composite primary key (stream, epoch). */
    public static class Key implements Serializable {
        public String streamId;
        public long epochId;

        public Key() {
        }

        Key(String streamId, long epochId) {
            this.streamId = streamId;
            this.epochId = epochId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.epochId == epochId && Objects.equals(k.streamId, streamId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(streamId, epochId);
        }
    }

    @Id
    public String streamId;
    @Id
    public long epochId;
    public String nodeIds;
    public String seed;
    public String proofDigest;
    public int shortEntryGateways;
    public int shortExitGateways;
    public int shortMixnodes;
    public int shortStandby;
    public int candidates;

    public SelectedSet toSelectedSet() {
        return new SelectedSet(epochId, RewardedSetTable.rewardedSet(nodeIds), seed, proofDigest,
                new Shortfall(shortEntryGateways, shortExitGateways, shortMixnodes, shortStandby), candidates);
    }

    /** The stream's set of the epoch, or null when it has none (yet). */
    public static Uni<SelectedSet> of(String streamId, long epochId) {
        return RewardedSetRow.<RewardedSetRow>findById(new Key(streamId, epochId)).map(r -> r == null ? null : r.toSelectedSet());
    }
}
