package net.nym.tokenomics.rewards.domain;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Where every uNYM of a funded ledger is (issue 15, ADR 0014), kept as running totals by {@link LedgerEvolver}:
 * <pre>
 *   total_supply + fees_received = liquid + escrowed + staked + reward_pool + dust
 * </pre>
 * <ul>
 *   <li>{@code liquid}: the sum of every account's balance;</li>
 *   <li>{@code escrowed}: tokens held by queued requests (delegations, pledge increases) until their epoch ends;</li>
 *   <li>{@code staked}: the sum of {@code O + D} over every node record: the pledges and delegations
 *       ({@code principal}) and the rewards they accrued and nobody withdrew yet ({@code staked - principal});</li>
 *   <li>{@code reward_pool}: the params' pool minus the interval's distributed rewards plus what flows back to it
 *       ({@link LedgerGlobals#pendingPoolChange()}), not kept here;</li>
 *   <li>{@code dust}: the fractions below 1 uNYM that truncating payouts left behind, each recorded when it happens;</li>
 *   <li>{@code fees_received}: fee income that entered from the zk-nym deposits (the fee-income extension; 0 when off).</li>
 * </ul>
 * {@code balancesHash} is a multiset hash of every non-zero {@code (account, balance)}: the sum, modulo 2^256, of
 * {@code sha256(account "=" balance)}. It changes in O(1) with each balance and puts every balance into the per-epoch
 * state digest without hashing all accounts each epoch. {@code vestingTokens} is the genesis's declared vesting amount
 * (informational, for the circulating supply).
 */
public record Supply(Unym totalSupply, Unym vestingTokens, String treasury, Unym liquid, Unym escrowed, Decimal staked,
                     Unym principal, Decimal dust, Unym feesReceived, BigInteger balancesHash) {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public Supply {
        Objects.requireNonNull(totalSupply, "totalSupply");
        Objects.requireNonNull(vestingTokens, "vestingTokens");
        Objects.requireNonNull(treasury, "treasury");
        Objects.requireNonNull(liquid, "liquid");
        Objects.requireNonNull(escrowed, "escrowed");
        Objects.requireNonNull(staked, "staked");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(dust, "dust");
        Objects.requireNonNull(feesReceived, "feesReceived");
        Objects.requireNonNull(balancesHash, "balancesHash");
    }

    /** The pool's tokens as the equation counts them: the params' pool after the interval's pending change. */
    public static Decimal rewardPool(LedgerGlobals g) {
        return g.params().interval().rewardPool().minus(g.pendingPoolChange().removed()).plus(g.pendingPoolChange().added());
    }

    /** {@code liquid + escrowed + staked + reward_pool + dust}: equal to {@link #inflow()} in a sound ledger. */
    public Decimal accounted(Decimal rewardPool) {
        return liquid.toDecimal().plus(escrowed.toDecimal()).plus(staked).plus(rewardPool).plus(dust);
    }

    /** {@code total_supply + fees_received}. */
    public Decimal inflow() {
        return totalSupply.toDecimal().plus(feesReceived.toDecimal());
    }

    /** {@code staked - principal}: rewards accrued on nodes and not withdrawn. */
    public Decimal accruedRewards() {
        return staked.minus(principal.toDecimal());
    }

    Supply with(Unym liquid, Unym escrowed, Decimal staked, Unym principal, Decimal dust, Unym feesReceived,
                BigInteger balancesHash) {
        return new Supply(totalSupply, vestingTokens, treasury, liquid, escrowed, staked, principal, dust, feesReceived,
                balancesHash);
    }

    /** The multiset hash term of one balance (zero balances are not in the set). */
    static BigInteger hashTerm(String account, Unym balance) {
        if (balance.isZero()) {
            return BigInteger.ZERO;
        }
        MessageDigest sha = SHA256.get();
        return new BigInteger(1, sha.digest((account + "=" + balance).getBytes(StandardCharsets.UTF_8)));
    }

    static BigInteger rehash(BigInteger hash, String account, Unym before, Unym after) {
        return hash.subtract(hashTerm(account, before)).add(hashTerm(account, after)).mod(MODULUS);
    }

    /** The hash as 64 hex digits. */
    public String balancesHashHex() {
        return String.format("%064x", balancesHash);
    }
}
