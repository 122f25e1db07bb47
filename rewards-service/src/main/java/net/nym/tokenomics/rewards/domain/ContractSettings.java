package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.rewards.domain.rewarding.CostParamRanges;

import java.util.Objects;
import java.util.Optional;

/** The contract's state params that bound operator input: cost param ranges and the minimum pledge. */
public record ContractSettings(CostParamRanges costParamRanges, Unym minimumPledge) {

    /** {@code INITIAL_PLEDGE_AMOUNT} = 100_000_000 uNYM. */
    public static final Unym DEFAULT_MINIMUM_PLEDGE = Unym.of(100_000_000);
    public static final ContractSettings DEFAULT = new ContractSettings(CostParamRanges.DEFAULT, DEFAULT_MINIMUM_PLEDGE);

    public ContractSettings {
        Objects.requireNonNull(costParamRanges, "costParamRanges");
        Objects.requireNonNull(minimumPledge, "minimumPledge");
    }

    public Optional<String> problem() {
        if (minimumPledge.isZero()) {
            return Optional.of("minimum pledge must be > 0");
        }
        return costParamRanges.problem();
    }
}
