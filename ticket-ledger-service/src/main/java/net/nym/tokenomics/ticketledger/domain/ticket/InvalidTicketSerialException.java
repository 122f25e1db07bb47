package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.encoding.Base58;

/** A serial that is not the Base58 form of 48 bytes; {@link #reason()} says what is wrong. */
public final class InvalidTicketSerialException extends IllegalArgumentException {

    private final String reason;

    public InvalidTicketSerialException(String serial, String reason) {
        super("malformed ticket serial '" + (serial.length() > 80 ? serial.substring(0, 80) + "..." : serial) + "': " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
