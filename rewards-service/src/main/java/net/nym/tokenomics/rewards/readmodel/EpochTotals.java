package net.nym.tokenomics.rewards.readmodel;

import net.nym.tokenomics.eventlog.decimal.Decimal;

/**
 * The totals of one rewarded epoch: a row of {@code reward_epoch} and the {@code totals} of {@code /v1/epochs/...}.
 *
 * @param rewardPool  the pool after the epoch's closing (it changes only when an interval rolls over)
 * @param stateDigest digest of the ledger after the epoch, as published in {@code EpochRewarded}
 */
public record EpochTotals(long epochId, Decimal budget, Decimal budgetFromFees, Decimal distributed, Decimal unclaimed,
                          int rewardedNodes, Decimal rewardPool, Decimal stakingSupply, boolean intervalRolledOver,
                          String stateDigest) {
}
