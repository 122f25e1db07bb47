package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

import java.util.Comparator;

/** Idempotency keys are scoped by gateway, so two gateways choosing the same key never collide. */
public record IdempotencyRef(GatewayIdentity gateway, String key) implements Comparable<IdempotencyRef> {

    private static final Comparator<IdempotencyRef> ORDER =
            Comparator.comparing(IdempotencyRef::gateway).thenComparing(IdempotencyRef::key);

    @Override
    public int compareTo(IdempotencyRef o) {
        return ORDER.compare(this, o);
    }
}
