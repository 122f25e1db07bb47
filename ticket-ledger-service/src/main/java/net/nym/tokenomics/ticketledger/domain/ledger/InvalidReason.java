package net.nym.tokenomics.ticketledger.domain.ledger;

import net.nym.tokenomics.eventlog.encoding.Base58;

/** Why a single ticket was not redeemed; the rest of its batch is unaffected. */
public enum InvalidReason {
    /** Not Base58, or not 48 bytes. */
    MALFORMED_SERIAL,
    /** The serial already appeared earlier in the same batch; the first occurrence alone is judged. */
    DUPLICATE_IN_BATCH,
    /** The type is not one of the four v1 JSON names. */
    UNKNOWN_TICKET_TYPE,
    /**
     * The spend date is after today, before today - spendWindowDays, or before the floor the last expiry set (a
     * forgotten serial could carry such a date, so accepting it could let a double spend through).
     */
    SPEND_DATE_OUTSIDE_WINDOW
}
