package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Read view of one serial. */
public sealed interface TicketStatus {

    record Redeemed(TicketSerial serial, SpentTicket firstRedemption, List<DoubleSpendAttempt> doubleSpendAttempts)
            implements TicketStatus {
    }

    /** Not in the index; if it was spent before {@code expiredBefore} it may have been redeemed and forgotten. */
    record NotRedeemed(TicketSerial serial, Optional<LocalDate> expiredBefore) implements TicketStatus {
    }

    record Malformed(String serial, String reason) implements TicketStatus {
    }
}
