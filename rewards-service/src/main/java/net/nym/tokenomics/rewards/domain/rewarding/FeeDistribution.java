package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongPredicate;

/**
 * How one epoch's fee income is split (the fee-income extension; not in Nym's contract). With {@code F} the epoch's
 * total fees (sum over gateways of {@code f_g}, integer uNYM) and {@code s} = {@link FeeIncomeParams#rewardShare()}:
 * <pre>
 *   to_budget      = F * s                                   (Decimal, floored to 18 places)
 *   epoch budget   = B + to_budget                           (used as B in every node reward of the epoch)
 *   gateway_pool   = F - to_budget                           (exact)
 *   credit_g       = floor((gateway_pool * f_g) / F)         (whole uNYM, per gateway, ascending node id)
 *   returned       = gateway_pool - sum of credits actually paid
 *   pool.added    += to_budget + returned                    (applied with the interval roll-over)
 * </pre>
 * A credit is paid into the gateway operator's {@code O} (it compounds and is withdrawn with the operator reward),
 * but only to a gateway that is still bonded (bonded or unbonding); otherwise its credit is part of
 * {@code returned}. Rounding dust therefore returns to the reward pool instead of disappearing, and
 * {@code to_budget + credits + returned == F} holds exactly (checked). The part of {@code to_budget} that nodes do not
 * earn stays in the pool like any other unclaimed budget; the part they earn leaves it with the interval's
 * {@code removed}, as every node reward does.
 *
 * @param totalFees      {@code F}
 * @param toRewardBudget {@code to_budget}
 * @param gatewayPool    {@code gateway_pool}
 * @param credits        the credits paid, one per gateway with a non-zero credit, ascending node id
 * @param returnedToPool {@code returned}
 */
public record FeeDistribution(Unym totalFees, Decimal toRewardBudget, Decimal gatewayPool, List<GatewayCredit> credits,
                              Decimal returnedToPool) {

    /** A credit paid to one gateway. */
    public record GatewayCredit(long gatewayNodeId, Unym fees, Unym credit) {
        public GatewayCredit {
            Objects.requireNonNull(fees, "fees");
            Objects.requireNonNull(credit, "credit");
        }
    }

    public FeeDistribution {
        credits = List.copyOf(credits);
        Decimal paid = Decimal.ZERO;
        for (GatewayCredit c : credits) {
            paid = paid.plus(c.credit().toDecimal());
        }
        if (!toRewardBudget.plus(paid).plus(returnedToPool).equals(totalFees.toDecimal())) {
            throw new IllegalStateException("fee split does not conserve: " + toRewardBudget + " + " + paid + " + "
                    + returnedToPool + " != " + totalFees);
        }
    }

    /** What flows into the reward pool at interval end: {@code to_budget + returned}. */
    public Decimal addedToPool() {
        return toRewardBudget.plus(returnedToPool);
    }

    /**
     * @param creditable whether a gateway node can be paid its credit now
     */
    public static FeeDistribution compute(FeeIncome income, Percent rewardShare, LongPredicate creditable) {
        Unym total = income.total();
        Decimal f = total.toDecimal();
        if (total.isZero()) {
            return new FeeDistribution(total, Decimal.ZERO, Decimal.ZERO, List.of(), Decimal.ZERO);
        }
        Decimal toBudget = f.times(rewardShare);
        Decimal gatewayPool = f.minus(toBudget);
        List<FeeIncome.GatewayFees> ordered = new ArrayList<>(income.gateways());
        ordered.sort(Comparator.comparingLong(FeeIncome.GatewayFees::gatewayNodeId));
        List<GatewayCredit> credits = new ArrayList<>();
        BigInteger paid = BigInteger.ZERO;
        for (FeeIncome.GatewayFees g : ordered) {
            // floor(gateway_pool * f_g / F) in one integer division: the same value as the Decimal product then
            // quotient (f_g and F are whole uNYM, so the nested floors agree), without the 128-bit intermediate that
            // overflowed once one gateway's fees in an epoch passed about 18,000 NYM
            Unym credit = new Unym(gatewayPool.atomics().multiply(g.fees().amount())
                    .divide(total.amount().multiply(Decimal.SCALE)));
            if (!credit.isZero() && creditable.test(g.gatewayNodeId())) {
                credits.add(new GatewayCredit(g.gatewayNodeId(), g.fees(), credit));
                paid = paid.add(credit.amount());
            }
        }
        Decimal returned = gatewayPool.minus(Decimal.of(paid));
        return new FeeDistribution(total, toBudget, gatewayPool, credits, returned);
    }
}
