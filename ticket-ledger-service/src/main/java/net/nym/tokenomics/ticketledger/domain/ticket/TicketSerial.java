package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.encoding.InvalidBase58Exception;

import net.nym.tokenomics.eventlog.encoding.Base58;

import java.util.Objects;

/**
 * A ticket's serial number: the compressed 48-byte G1 point of a spend_value = 1 payment, in its Base58 form.
 *
 * <p>Base58 is a bijection, so the text is canonical and record equality on it equals equality of the bytes.
 * The constructor rejects anything that does not decode to exactly 48 bytes with an {@link InvalidTicketSerialException}
 * that says why.
 */
public record TicketSerial(String base58) implements Comparable<TicketSerial> {

    public static final int SERIAL_BYTES = 48;

    /** The longest text of a serial (66 characters): the edge refuses a longer one before decoding anything. */
    public static final int MAX_TEXT_LENGTH = Base58.maxEncodedLength(SERIAL_BYTES);

    public TicketSerial {
        Objects.requireNonNull(base58, "base58");
        if (!SerialText.isSerial(base58)) {
            throw invalid(base58);
        }
    }

    /** The reason a text that {@link SerialText#isSerial} refused is not a serial, from a full decode. */
    private static InvalidTicketSerialException invalid(String base58) {
        if (base58.length() > MAX_TEXT_LENGTH) {
            // Said by the length alone: decoding a long text costs the square of its length.
            return new InvalidTicketSerialException(base58, "has " + base58.length() + " characters, a serial has at most "
                    + MAX_TEXT_LENGTH);
        }
        byte[] bytes;
        try {
            // A text never decodes to more bytes than it has characters, so this bound refuses nothing.
            bytes = Base58.decode(base58, MAX_TEXT_LENGTH);
        } catch (InvalidBase58Exception e) {
            return new InvalidTicketSerialException(base58, e.getMessage());
        }
        if (bytes.length != SERIAL_BYTES) {
            return new InvalidTicketSerialException(base58,
                    "decodes to " + bytes.length + " bytes, a serial is " + SERIAL_BYTES);
        }
        throw new IllegalStateException("SerialText and Base58 disagree on '" + base58 + "'");
    }

    public static TicketSerial parse(String base58) {
        return new TicketSerial(base58);
    }

    public static TicketSerial ofBytes(byte[] bytes) {
        return new TicketSerial(Base58.encode(bytes));
    }

    public byte[] bytes() {
        return Base58.decode(base58, SERIAL_BYTES);
    }

    @Override
    public int compareTo(TicketSerial o) {
        return base58.compareTo(o.base58);
    }

    @Override
    public String toString() {
        return base58;
    }
}
