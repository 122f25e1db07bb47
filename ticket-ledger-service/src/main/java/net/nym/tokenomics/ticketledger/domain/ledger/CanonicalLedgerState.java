package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

/**
 * The ledger state as sorted maps (serials by Base58 text, epochs and node ids numerically, idempotency records by
 * gateway then key), so that equal states serialise identically and hash to the same digest.
 */
public record CanonicalLedgerState(SortedMap<TicketSerial, SpentTicket> spent,
                                   SortedMap<TicketSerial, List<DoubleSpendAttempt>> doubleSpendAttempts,
                                   SortedMap<Long, SortedMap<Long, GatewayEpochUsage>> usageByEpoch,
                                   SortedMap<IdempotencyRef, IdempotencyEntry> idempotencyKeys,
                                   SortedMap<Long, GatewayRegistration> gateways,
                                   OptionalLong lastClosedEpoch,
                                   Optional<LocalDate> expiredBefore,
                                   Optional<LocalDate> spendDateFloor) {

    public record IdempotencyEntry(String bodyFingerprint, LocalDate recordedOn, long epoch) {
    }
}
