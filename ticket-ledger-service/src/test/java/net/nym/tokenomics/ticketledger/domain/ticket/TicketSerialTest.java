package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.encoding.Base58;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketSerialTest {

    @Test
    void fortyEightBytesRoundTrip() {
        byte[] bytes = new byte[48];
        Arrays.fill(bytes, (byte) 0xab);
        bytes[0] = 0;
        TicketSerial serial = TicketSerial.ofBytes(bytes);
        assertThat(serial.base58()).startsWith("1");
        assertThat(serial.bytes()).isEqualTo(bytes);
        assertThat(TicketSerial.parse(serial.base58())).isEqualTo(serial);
    }

    @ParameterizedTest(name = "{0} bytes")
    @CsvSource({"0", "1", "32", "47", "49", "96"})
    void otherLengthsAreRejectedWithTheLength(int length) {
        String text = Base58.encode(filled(length));
        // Up to 66 characters (the longest serial) the reason is the decoded length; a longer text is refused by its
        // length alone, without decoding it.
        String reason = text.length() <= TicketSerial.MAX_TEXT_LENGTH
                ? "decodes to " + length + " bytes, a serial is 48"
                : "has " + text.length() + " characters, a serial has at most 66";
        assertThatThrownBy(() -> TicketSerial.parse(text))
                .isInstanceOfSatisfying(InvalidTicketSerialException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** A serial with leading zero bytes is short enough to decode, and says how many bytes it holds. */
    @Test
    void aShortTextOfTooManyBytesSaysHowMany() {
        byte[] bytes = filled(49);
        java.util.Arrays.fill(bytes, 0, 10, (byte) 0);
        String text = Base58.encode(bytes);
        assertThat(text.length()).isLessThanOrEqualTo(TicketSerial.MAX_TEXT_LENGTH);
        assertThatThrownBy(() -> TicketSerial.parse(text))
                .isInstanceOfSatisfying(InvalidTicketSerialException.class,
                        e -> assertThat(e.reason()).isEqualTo("decodes to 49 bytes, a serial is 48"));
    }

    @Test
    void nonBase58IsRejectedWithThePosition() {
        String text = Base58.encode(filled(48)).substring(0, 10) + "0" + Base58.encode(filled(48)).substring(11);
        assertThatThrownBy(() -> TicketSerial.parse(text))
                .isInstanceOfSatisfying(InvalidTicketSerialException.class,
                        e -> assertThat(e.reason()).isEqualTo("invalid base58 character '0' at position 10"));
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 7);
        return bytes;
    }
}
