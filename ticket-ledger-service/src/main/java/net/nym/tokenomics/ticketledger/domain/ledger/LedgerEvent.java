package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Facts of the ticket ledger's stream. Each carries its inputs and its computed results; evolve only applies them. */
public sealed interface LedgerEvent {

    /**
     * A batch was judged. Outcomes are in submission order; {@code accepted} is the usage the batch adds to
     * (epoch, gateway) and {@code acceptedDigest} is Nym's Base58 commitment over the accepted serials in order.
     *
     * @param bodyFingerprint Base58 of the batch's tickets digest; a resubmission with the same key must match it
     * @param ticketValue     the per-ticket value the deposit gave at the time, from_ratio(deposit, 50)
     */
    record TicketBatchRedeemed(String batchId, GatewayIdentity gateway, long gatewayNodeId, long epoch,
                               Instant submittedAt, Instant recordedAt, String bodyFingerprint,
                               Unym depositPerTicketbook, Decimal ticketValue, List<TicketOutcome> outcomes,
                               BatchCounts counts, List<TypeUsage> accepted, Decimal acceptedValue,
                               String acceptedDigest) implements LedgerEvent {
        public TicketBatchRedeemed {
            outcomes = List.copyOf(outcomes);
            accepted = List.copyOf(accepted);
        }
    }

    /**
     * An epoch's usage is final. Gateways are sorted by node id; {@code feeIncome} is the sum of their values.
     * Tickets judged after this event count in {@code nextOpenEpoch}.
     */
    record EpochUsageClosed(long epoch, Instant closedAt, List<GatewayEpochUsage> gateways, List<TypeUsage> totals,
                            long totalTickets, long totalBytes, Decimal feeIncome, long nextOpenEpoch)
            implements LedgerEvent {
        public EpochUsageClosed {
            gateways = List.copyOf(gateways);
            totals = List.copyOf(totals);
        }
    }

    /**
     * Serials with a spend date before {@code cutoff} were forgotten, with their double-spend records and the
     * idempotency records of batches recorded before it. From now on no spend date before {@code spendDateFloor}
     * (cutoff + ticketbook validity: the latest date a forgotten serial could still carry) is accepted. Lists are
     * sorted so replay is byte-identical.
     */
    record SerialsExpired(LocalDate today, LocalDate cutoff, LocalDate spendDateFloor, Instant recordedAt,
                          List<TicketSerial> serialsRemoved, int count, List<IdempotencyRef> idempotencyKeysRemoved)
            implements LedgerEvent {
        public SerialsExpired {
            serialsRemoved = List.copyOf(serialsRemoved);
            idempotencyKeysRemoved = List.copyOf(idempotencyKeysRemoved);
        }
    }

    /** The registry view changed: this node now has this identity key and bonding status. */
    record GatewayRegistryUpdated(long nodeId, GatewayIdentity identity, boolean bonded, Instant recordedAt)
            implements LedgerEvent {
    }
}
