package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.util.List;

/** An epoch's usage over all gateways (sorted by node id); fee income is the sum of redeemed value. */
public record EpochTotals(long epoch, boolean closed, List<GatewayEpochUsage> gateways, List<TypeUsage> totals,
                          long totalTickets, long totalBytes, Decimal feeIncome) {

    public EpochTotals {
        gateways = List.copyOf(gateways);
        totals = List.copyOf(totals);
    }

    static EpochTotals of(long epoch, boolean closed, List<GatewayEpochUsage> gateways) {
        List<TypeUsage> totals = List.of();
        for (GatewayEpochUsage usage : gateways) {
            totals = TypeUsage.merge(totals, usage.byType());
        }
        return new EpochTotals(epoch, closed, gateways, totals, TypeUsage.tickets(totals), TypeUsage.bytes(totals),
                TypeUsage.value(totals));
    }
}
