package net.nym.tokenomics.rewards.domain.rewarding;

import net.nym.tokenomics.eventlog.decimal.Unym;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * Fee income of one epoch: what users paid for the tickets each gateway redeemed (ticket-ledger-service's per-epoch
 * usage). Used only when {@link FeeIncomeParams#enabled()}; see {@link FeeDistribution} for the formula.
 */
public record FeeIncome(long epochId, List<GatewayFees> gateways) {

    /** Fees of the tickets one gateway (a bonded node) redeemed in the epoch. */
    public record GatewayFees(long gatewayNodeId, Unym fees) {
        public GatewayFees {
            Objects.requireNonNull(fees, "fees");
        }
    }

    public FeeIncome {
        gateways = List.copyOf(gateways);
    }

    public Unym total() {
        BigInteger sum = BigInteger.ZERO;
        for (GatewayFees g : gateways) {
            sum = sum.add(g.fees().amount());
        }
        return new Unym(sum);
    }
}
