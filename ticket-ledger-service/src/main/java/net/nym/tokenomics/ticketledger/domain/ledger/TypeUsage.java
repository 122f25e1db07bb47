package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Accepted tickets of one type: how many, the bandwidth they granted, and their value in uNYM. */
public record TypeUsage(TicketType type, long tickets, long bytes, Decimal value) {

    public TypeUsage plus(TypeUsage other) {
        return new TypeUsage(type, tickets + other.tickets, bytes + other.bytes, value.plus(other.value));
    }

    /** Adds two per-type lists; the result holds only types with tickets, in type-code order. */
    static List<TypeUsage> merge(List<TypeUsage> a, List<TypeUsage> b) {
        Map<TicketType, TypeUsage> byType = new EnumMap<>(TicketType.class);
        for (List<TypeUsage> list : List.of(a, b)) {
            for (TypeUsage usage : list) {
                byType.merge(usage.type(), usage, TypeUsage::plus);
            }
        }
        // EnumMap iterates in declaration order, which is type-code order.
        return byType.values().stream().filter(u -> u.tickets() > 0).toList();
    }

    static long tickets(List<TypeUsage> usage) {
        return usage.stream().mapToLong(TypeUsage::tickets).sum();
    }

    static long bytes(List<TypeUsage> usage) {
        return usage.stream().mapToLong(TypeUsage::bytes).sum();
    }

    static Decimal value(List<TypeUsage> usage) {
        return usage.stream().map(TypeUsage::value).reduce(Decimal.ZERO, Decimal::plus);
    }
}
