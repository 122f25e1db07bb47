package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.util.Objects;

/**
 * A stored delegation ({@code Delegation}). Its reward is never stored: it is derived from the node's {@code T} when
 * the owner acts, which keeps per-epoch work independent of the number of delegations.
 *
 * @param amount                {@code A}: principal in whole uNYM, never changed after creation
 * @param cumulativeRewardRatio {@code S}: the node's {@code T} at creation or at the last reward withdrawal
 * @param sinceEpoch            absolute epoch in which the delegation was stored
 */
public record Delegation(long nodeId, String owner, Unym amount, Decimal cumulativeRewardRatio, long sinceEpoch) {

    public Delegation {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(cumulativeRewardRatio, "cumulativeRewardRatio");
    }

    public DelegationKey key() {
        return new DelegationKey(nodeId, owner);
    }

    public Delegation withCumulativeRewardRatio(Decimal value) {
        return new Delegation(nodeId, owner, amount, value, sinceEpoch);
    }
}
