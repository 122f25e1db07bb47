package net.nym.tokenomics.rewards.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import net.nym.tokenomics.rewards.persistence.RewardHistoryTables;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code delegation_change}, read only (written by {@link RewardHistoryTables}), keyed by the event's ledger
 * version and the change's {@code seq} in it (a {@code DelegationsAdded} makes one row per inner delegation).
 */
@Entity
@Table(name = "delegation_change")
@IdClass(DelegationChangeRow.Key.class)
public class DelegationChangeRow extends PanacheEntityBase {

    /** The composite key {@code (ledger_version, seq)}. */
    public static class Key implements Serializable {
        public long ledgerVersion;
        public int seq;

        public Key() {
        }

        public Key(long ledgerVersion, int seq) {
            this.ledgerVersion = ledgerVersion;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ledgerVersion == ledgerVersion && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(ledgerVersion, seq);
        }
    }

    /**
     * Which changes a page holds: a delegator's or a node's (exactly one of {@code owner}, {@code nodeId} is the subject,
     * the other an optional filter), in the epochs {@code from..to}.
     */
    public record Filter(String owner, Long nodeId, long fromEpoch, long toEpoch) {
        String query() {
            return (owner == null ? "" : "owner = :owner and ") + (nodeId == null ? "" : "nodeId = :node and ")
                    + "epochId between :from and :to";
        }

        Parameters parameters() {
            Parameters p = Parameters.with("from", fromEpoch).and("to", toEpoch);
            if (owner != null) {
                p = p.and("owner", owner);
            }
            return nodeId == null ? p : p.and("node", nodeId);
        }
    }

    @Id
    public long ledgerVersion;
    @Id
    public int seq;
    public long epochId;
    public Instant at;
    public long nodeId;
    public String owner;
    public String change;
    public BigDecimal amount;
    public BigDecimal principal;
    public BigDecimal accruedReward;

    public DelegationChange toRecord() {
        return new DelegationChange(ledgerVersion, seq, epochId, at, nodeId, owner, change, RewardHistoryTables.unym(amount),
                principal == null ? null : RewardHistoryTables.unym(principal),
                accruedReward == null ? null : RewardHistoryTables.decimal(accruedReward));
    }

    /** A page of the matching changes, in the order they were made. */
    public static Uni<List<DelegationChange>> page(Filter filter, int page, int perPage) {
        return DelegationChangeRow.<DelegationChangeRow>find(filter.query(), Sort.by("ledgerVersion").and("seq"), filter.parameters())
                .page(page, perPage).list().map(rows -> rows.stream().map(DelegationChangeRow::toRecord).toList());
    }

    public static Uni<Long> countOf(Filter filter) {
        return count(filter.query(), filter.parameters());
    }
}
