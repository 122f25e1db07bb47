package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ledger.LedgerEvent.TicketBatchRedeemed;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * What earlier batches of a group decided that the state does not hold yet: their accepted serials and their
 * idempotency records, the only parts of the state a redemption reads that another redemption changes. Lookups see
 * these first, then the state, so a group decided against the unchanged state gives the same decisions as deciding
 * and evolving each batch in turn, while the state itself is only evolved once the group is durable.
 */
final class InFlight {

    private final Map<TicketSerial, SpentTicket> spent = new HashMap<>();
    private final Map<IdempotencyRef, LedgerState.IdempotencyRecord> idempotency = new HashMap<>();

    SpentTicket spent(LedgerState state, TicketSerial serial) {
        SpentTicket pending = spent.get(serial);
        return pending != null ? pending : state.spent.get(serial);
    }

    LedgerState.IdempotencyRecord idempotency(LedgerState state, IdempotencyRef ref) {
        LedgerState.IdempotencyRecord pending = idempotency.get(ref);
        return pending != null ? pending : state.idempotency.get(ref);
    }

    /** Mirrors what {@link TicketLedger#evolve} does with the same event to the index and the idempotency records. */
    void add(TicketBatchRedeemed e) {
        for (TicketOutcome outcome : e.outcomes()) {
            if (outcome instanceof TicketOutcome.Accepted a) {
                spent.putIfAbsent(a.serial(), new SpentTicket(e.gatewayNodeId(), e.gateway(), e.epoch(), a.type(),
                        a.spendDate(), e.recordedAt(), e.batchId()));
            }
        }
        idempotency.put(new IdempotencyRef(e.gateway(), e.batchId()),
                new LedgerState.IdempotencyRecord(e.bodyFingerprint(), LocalDate.ofInstant(e.recordedAt(), ZoneOffset.UTC),
                        e.recordedAt(), e.epoch()));
    }
}
