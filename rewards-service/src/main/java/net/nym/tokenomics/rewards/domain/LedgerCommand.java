package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.rewards.domain.rewarding.ActiveSetUpdate;
import net.nym.tokenomics.rewards.domain.rewarding.FeeIncome;
import net.nym.tokenomics.rewards.domain.rewarding.RewardedNode;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParams;
import net.nym.tokenomics.rewards.domain.rewarding.RewardingParamsUpdate;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What can be asked of the ledger. Every command carries the time it is decided at ({@code now}) and, for account
 * commands, the acting account; nothing in the domain reads a clock or a security context. Amounts and profit
 * margins arrive as given (possibly negative, zero or oversize) and are checked by {@code decide}, which answers with a
 * typed {@link LedgerRejection} rather than an exception.
 */
public sealed interface LedgerCommand {

    Instant now();

    /** Operator-declared costs as received: the profit margin may be above 100 %, the cost negative. */
    record CostParamsInput(Decimal profitMargin, BigInteger intervalOperatingCost) {
        public CostParamsInput {
            Objects.requireNonNull(profitMargin, "profitMargin");
            Objects.requireNonNull(intervalOperatingCost, "intervalOperatingCost");
        }
    }

    /** One account's tokens at genesis. */
    record Allocation(String account, BigInteger amount) {
        public Allocation {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * Where the tokens are at genesis (issue 15): the total supply is the mixmining pool (the params' reward pool
     * rounded up to a whole uNYM) plus every allocated balance, to the uNYM. {@code vestingTokens} is the part of the balances
     * declared vesting (it only lowers the circulating supply); {@code treasury} names the account that funds others.
     */
    record GenesisAllocation(BigInteger totalSupply, BigInteger mixminingPool, BigInteger vestingTokens, String treasury,
                             List<Allocation> balances) {
        public GenesisAllocation {
            Objects.requireNonNull(totalSupply, "totalSupply");
            Objects.requireNonNull(mixminingPool, "mixminingPool");
            Objects.requireNonNull(vestingTokens, "vestingTokens");
            balances = List.copyOf(balances);
        }

        /**
         * The whole supply ({@code totalSupply}) minus the pool in one treasury account: for tests, benchmarks and a
         * service started without a genesis file.
         */
        public static GenesisAllocation treasuryHolding(BigInteger totalSupply, Decimal rewardPool, String treasury) {
            BigInteger pool = wholeTokens(rewardPool);
            return new GenesisAllocation(totalSupply, pool, BigInteger.ZERO, treasury,
                    List.of(new Allocation(treasury, totalSupply.subtract(pool))));
        }

        /** The tokens a pool holds: {@code ceil(pool)}. */
        public static BigInteger wholeTokens(Decimal pool) {
            BigInteger[] qr = pool.atomics().divideAndRemainder(Decimal.SCALE);
            return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        }

        /** {@code accounts} funded as given, the rest of the supply less the pool in the treasury's account. */
        public static GenesisAllocation withAccounts(BigInteger totalSupply, Decimal rewardPool, String treasury,
                                                     java.util.Map<String, BigInteger> accounts) {
            BigInteger pool = wholeTokens(rewardPool);
            List<Allocation> balances = new java.util.ArrayList<>();
            BigInteger rest = totalSupply.subtract(pool);
            for (var e : new java.util.TreeMap<>(accounts).entrySet()) {
                balances.add(new Allocation(e.getKey(), e.getValue()));
                rest = rest.subtract(e.getValue());
            }
            balances.add(new Allocation(treasury, rest));
            return new GenesisAllocation(totalSupply, pool, BigInteger.ZERO, treasury, balances);
        }
    }

    /**
     * Instantiates the ledger. {@code B} and {@code sat} are derived again from the pool, supply, emission and set
     * sizes in {@code params}, whatever values it carries. {@code allocation} places every token of the supply.
     */
    record InitializeLedger(Instant now, RewardingParams params, ContractSettings settings, Instant firstEpochStart,
                            Duration epochLength, GenesisAllocation allocation) implements LedgerCommand {
    }

    /** Immediate: moves tokens from one account's balance to another's (the treasury funds others this way). */
    record Transfer(Instant now, String from, String to, BigInteger amount) implements LedgerCommand {
    }

    /**
     * Immediate. {@code O = pledge}; the node id is assigned by the ledger. {@code bondingNonce} is the next node id
     * the identity key's signature was made for (event-log's {@code BondingMessage}, verified at the edge): refused
     * once another bond has taken that id, so a captured signature cannot bond the key again later.
     */
    record BondNode(Instant now, String owner, String identityKey, BigInteger pledge, CostParamsInput costParams,
                    long bondingNonce) implements LedgerCommand {
    }

    /** Queued to the end of the epoch; one pending pledge change per node. */
    record PledgeMore(Instant now, String actor, long nodeId, BigInteger amount) implements LedgerCommand {
    }

    /** Queued to the end of the epoch; the pledge may not fall below the minimum pledge. */
    record DecreasePledge(Instant now, String actor, long nodeId, BigInteger amount) implements LedgerCommand {
    }

    /** Queued to the end of the epoch; refused while a pledge change is pending. */
    record UnbondNode(Instant now, String actor, long nodeId) implements LedgerCommand {
    }

    /** Queued to the end of the interval. */
    record ChangeCostParams(Instant now, String actor, long nodeId, CostParamsInput costParams) implements LedgerCommand {
    }

    /** Immediate: pays {@code floor(O - pledge)} and sets {@code O = pledge}. */
    record WithdrawOperatorReward(Instant now, String actor, long nodeId) implements LedgerCommand {
    }

    /** Queued to the end of the epoch; first earns in the next epoch. */
    record Delegate(Instant now, String delegator, long nodeId, BigInteger amount) implements LedgerCommand {
    }

    /** Queued to the end of the epoch; allowed after the node unbonded. */
    record Undelegate(Instant now, String delegator, long nodeId) implements LedgerCommand {
    }

    /** Immediate: pays {@code floor(r)}, sets {@code S = T}. */
    record WithdrawDelegatorReward(Instant now, String delegator, long nodeId) implements LedgerCommand {
    }

    /** Queued to the end of the interval, or immediate when forced or when the interval is already over. */
    record UpdateRewardingParams(Instant now, String admin, RewardingParamsUpdate update, boolean forceImmediately)
            implements LedgerCommand {
    }

    /** Queued to the end of the interval, or immediate when forced or when the interval is already over. */
    record UpdateIntervalConfig(Instant now, String admin, int epochsInInterval, Duration epochLength,
                                boolean forceImmediately) implements LedgerCommand {
    }

    /** Queued to the end of the epoch, or immediate when forced or when the epoch is already over. */
    record UpdateActiveSet(Instant now, String admin, ActiveSetUpdate update, boolean forceImmediately)
            implements LedgerCommand {
    }

    /** Immediate. Narrower cost ranges take effect on existing nodes by clamping at reward time. */
    record UpdateContractSettings(Instant now, String admin, ContractSettings settings) implements LedgerCommand {
    }

    /**
     * Ends the current epoch in one step: rewards the rewarded set, applies the queued epoch events, and, when the
     * interval is over, the queued interval events and the pool roll-over; then advances the clock.
     *
     * @param epochId     the absolute id of the epoch being closed (must be the ledger's current epoch)
     * @param rewardedSet one entry per node of the epoch's rewarded set, any order (rewarded in ascending id)
     * @param feeIncome   the epoch's fee income; ignored unless enabled in the params
     */
    record CloseEpoch(Instant now, long epochId, List<RewardedNode> rewardedSet, Optional<FeeIncome> feeIncome)
            implements LedgerCommand {
        public CloseEpoch {
            rewardedSet = List.copyOf(rewardedSet);
            Objects.requireNonNull(feeIncome, "feeIncome");
        }
    }
}
