package net.nym.tokenomics.rewards.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import net.nym.tokenomics.rewards.persistence.RewardHistoryTables;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A row of {@code delegation_change}, read only (written by {@link RewardHistoryTables}). */
@Entity
@Table(name = "delegation_change")
public class DelegationChangeRow extends PanacheEntityBase {

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
    public long epochId;
    public Instant at;
    public long nodeId;
    public String owner;
    public String change;
    public BigDecimal amount;
    public BigDecimal principal;
    public BigDecimal accruedReward;

    public DelegationChange toRecord() {
        return new DelegationChange(ledgerVersion, epochId, at, nodeId, owner, change, RewardHistoryTables.unym(amount),
                principal == null ? null : RewardHistoryTables.unym(principal),
                accruedReward == null ? null : RewardHistoryTables.decimal(accruedReward));
    }

    /** A page of the matching changes, in the order they were made. */
    public static Uni<List<DelegationChange>> page(Filter filter, int page, int perPage) {
        return DelegationChangeRow.<DelegationChangeRow>find(filter.query(), Sort.by("ledgerVersion"), filter.parameters())
                .page(page, perPage).list().map(rows -> rows.stream().map(DelegationChangeRow::toRecord).toList());
    }

    public static Uni<Long> countOf(Filter filter) {
        return count(filter.query(), filter.parameters());
    }
}
