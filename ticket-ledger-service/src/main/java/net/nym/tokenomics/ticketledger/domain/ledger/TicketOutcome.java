package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketType;

import java.time.Instant;
import java.time.LocalDate;

/** The ledger's verdict on one ticket of a batch; {@code position} is its 0-based index in the submitted list. */
public sealed interface TicketOutcome {

    enum Status { ACCEPTED, REPLAYED, DOUBLE_SPEND, INVALID }

    int position();

    Status status();

    /** First redemption of the serial: recorded in the double-spend index and counted in usage. */
    record Accepted(int position, TicketSerial serial, TicketType type, LocalDate spendDate) implements TicketOutcome {
        public Status status() {
            return Status.ACCEPTED;
        }
    }

    /** The same gateway redeemed this serial before: harmless, not counted again (nym-api's ReplayedTicket). */
    record Replayed(int position, TicketSerial serial, TicketType type, LocalDate spendDate, long firstEpoch,
                    Instant firstSeenAt, String firstBatchId) implements TicketOutcome {
        public Status status() {
            return Status.REPLAYED;
        }
    }

    /** A different gateway redeemed this serial first: rejected, and both gateways are on record. */
    record DoubleSpend(int position, TicketSerial serial, TicketType type, LocalDate spendDate,
                       long firstGatewayNodeId, GatewayIdentity firstGateway, long firstEpoch, Instant firstSeenAt,
                       long gatewayNodeId, GatewayIdentity gateway) implements TicketOutcome {
        public Status status() {
            return Status.DOUBLE_SPEND;
        }
    }

    /** Serial and type as sent, since they may not parse. */
    record Invalid(int position, String serial, String type, LocalDate spendDate, InvalidReason reason, String detail)
            implements TicketOutcome {
        public Status status() {
            return Status.INVALID;
        }
    }
}
