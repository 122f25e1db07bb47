package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.util.List;

/**
 * One gateway's accepted tickets in one epoch. {@code byType} lists only types with tickets, in type-code order;
 * the totals are its sums. Double spends it attempted are counted separately and never add value.
 */
public record GatewayEpochUsage(long gatewayNodeId, List<TypeUsage> byType, long tickets, long bytes, Decimal value,
                                long doubleSpendsRejected) {

    public GatewayEpochUsage {
        byType = List.copyOf(byType);
    }

    static GatewayEpochUsage empty(long gatewayNodeId) {
        return new GatewayEpochUsage(gatewayNodeId, List.of(), 0, 0, Decimal.ZERO, 0);
    }

    GatewayEpochUsage plus(List<TypeUsage> accepted, long doubleSpends) {
        List<TypeUsage> merged = TypeUsage.merge(byType, accepted);
        return new GatewayEpochUsage(gatewayNodeId, merged, TypeUsage.tickets(merged), TypeUsage.bytes(merged),
                TypeUsage.value(merged), doubleSpendsRejected + doubleSpends);
    }
}
