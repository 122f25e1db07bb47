package net.nym.tokenomics.rewards.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import net.nym.tokenomics.rewards.persistence.RewardHistoryTables;

import java.math.BigDecimal;
import java.util.List;

/** A row of {@code reward_epoch}, read only (written by {@link RewardHistoryTables}). */
@Entity
@Table(name = "reward_epoch")
public class EpochTotalsRow extends PanacheEntityBase {

    @Id
    public long epochId;
    public BigDecimal budget;
    public BigDecimal budgetFromFees;
    public BigDecimal distributed;
    public BigDecimal unclaimed;
    public int rewardedNodes;
    public BigDecimal rewardPool;
    public BigDecimal stakingSupply;
    public boolean intervalRolledOver;
    public String stateDigest;

    public EpochTotals toRecord() {
        return new EpochTotals(epochId, RewardHistoryTables.decimal(budget), RewardHistoryTables.decimal(budgetFromFees),
                RewardHistoryTables.decimal(distributed), RewardHistoryTables.decimal(unclaimed), rewardedNodes,
                RewardHistoryTables.decimal(rewardPool), RewardHistoryTables.decimal(stakingSupply), intervalRolledOver,
                stateDigest);
    }

    /** The epoch's totals, or null when it has not been rewarded. */
    public static Uni<EpochTotals> of(long epochId) {
        return EpochTotalsRow.<EpochTotalsRow>findById(epochId).map(r -> r == null ? null : r.toRecord());
    }

    /** The last rewarded epoch's totals, or null before the first. */
    public static Uni<EpochTotals> latest() {
        return EpochTotalsRow.<EpochTotalsRow>findAll(Sort.descending("epochId")).firstResult()
                .map(r -> r == null ? null : ((EpochTotalsRow) r).toRecord());
    }

    /** A page of the epochs with {@code from <= epoch <= to}, latest first (the dashboard's "last 30 days"). */
    public static Uni<List<EpochTotals>> page(long from, long to, int page, int perPage) {
        return EpochTotalsRow.<EpochTotalsRow>find("epochId between ?1 and ?2", Sort.descending("epochId"), from, to)
                .page(page, perPage).list().map(rows -> rows.stream().map(EpochTotalsRow::toRecord).toList());
    }

    public static Uni<Long> countOf(long from, long to) {
        return count("epochId between ?1 and ?2", from, to);
    }
}
