package net.nym.tokenomics.rewards.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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

/** A row of {@code account_movement}, read only (written by {@link RewardHistoryTables}). */
@Entity
@Table(name = "account_movement")
@IdClass(AccountMovementRow.Key.class)
public class AccountMovementRow extends PanacheEntityBase {

    /** The composite primary key (account, ledger version, seq). */
    public static class Key implements Serializable {
        public String account;
        public long ledgerVersion;
        public int seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.account, account) && k.ledgerVersion == ledgerVersion && k.seq == seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(account, ledgerVersion, seq);
        }
    }

    @Id
    public String account;
    @Id
    public long ledgerVersion;
    @Id
    public int seq;
    public long epochId;
    public Instant at;
    public String kind;
    public Long nodeId;
    public String counterparty;
    public BigDecimal change;
    public BigDecimal balanceAfter;

    public AccountMovement toRecord() {
        return new AccountMovement(account, ledgerVersion, seq, epochId, at, kind, nodeId, counterparty,
                change.toBigIntegerExact(), RewardHistoryTables.unym(balanceAfter));
    }

    /** A page of the account's movements, newest first (the primary key scanned backwards). */
    public static Uni<List<AccountMovement>> page(String account, int page, int perPage) {
        return AccountMovementRow.<AccountMovementRow>find("account", Sort.descending("ledgerVersion", "seq"), account)
                .page(page, perPage).list().map(rows -> rows.stream().map(AccountMovementRow::toRecord).toList());
    }

    public static Uni<Long> countOf(String account) {
        return count("account", account);
    }
}
