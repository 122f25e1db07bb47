package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.Objects;

/**
 * Switch and split for the fee-income extension (see {@link FeeDistribution}). Off by default, so that every
 * mainnet and test-vector number is the contract's.
 *
 * @param enabled    whether a {@link FeeIncome} input changes an epoch's budget at all
 * @param rewardShare the share of fee income added to the epoch reward budget ({@code feeShare}, default 60 %);
 *                    the rest goes to the gateways that redeemed the tickets
 */
public record FeeIncomeParams(boolean enabled, Percent rewardShare) {

    public static final Percent DEFAULT_REWARD_SHARE = Percent.fromPercentageValue(60);
    public static final FeeIncomeParams DISABLED = new FeeIncomeParams(false, DEFAULT_REWARD_SHARE);

    public FeeIncomeParams {
        Objects.requireNonNull(rewardShare, "rewardShare");
    }

    public static FeeIncomeParams enabledWithShare(Percent rewardShare) {
        return new FeeIncomeParams(true, rewardShare);
    }
}
