package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.encoding.Base58;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SerialText#isSerial} against the definition: the text decodes, to exactly 48 bytes. */
class SerialTextTest {

    @Test
    void agreesWithAFullDecodeAtEveryBoundaryAndForEveryCountOfLeadingZeros() {
        List<byte[]> cases = new ArrayList<>();
        for (int zeros = 0; zeros <= 49; zeros++) {
            for (int rest = 0; rest <= 50 - zeros; rest++) {
                // Smallest and largest rests of this length with a non-zero first byte, and their neighbours.
                cases.add(withZeros(zeros, rest, (byte) 1, (byte) 0));
                cases.add(withZeros(zeros, rest, (byte) 0xff, (byte) 0xff));
                cases.add(withZeros(zeros, rest, (byte) 1, (byte) 1));
                cases.add(withZeros(zeros, rest, (byte) 0xff, (byte) 0xfe));
                cases.add(withZeros(zeros, rest, (byte) 0x80, (byte) 0x00));
            }
        }
        for (byte[] bytes : cases) {
            String text = Base58.encode(bytes);
            assertThat(SerialText.isSerial(text)).as("%d bytes: %s", bytes.length, text).isEqualTo(bytes.length == 48);
        }
    }

    @Test
    void agreesWithAFullDecodeOnRandomTexts() {
        Random random = new Random(42);
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0OIl+ é";
        for (int i = 0; i < 50_000; i++) {
            String text;
            if (random.nextBoolean()) {
                byte[] bytes = new byte[44 + random.nextInt(9)];
                random.nextBytes(bytes);
                int zeros = random.nextInt(4) == 0 ? random.nextInt(bytes.length + 1) : 0;
                Arrays.fill(bytes, 0, zeros, (byte) 0);
                text = Base58.encode(bytes);
                if (random.nextInt(10) == 0 && !text.isEmpty()) {
                    char[] chars = text.toCharArray();
                    chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
                    text = new String(chars);
                }
            } else {
                StringBuilder b = new StringBuilder();
                for (int n = 60 + random.nextInt(10); n > 0; n--) {
                    b.append(alphabet.charAt(random.nextInt(58 + (random.nextInt(20) == 0 ? 7 : 0))));
                }
                text = b.toString();
            }
            assertThat(SerialText.isSerial(text)).as(text).isEqualTo(decodesTo48(text));
        }
    }

    private static boolean decodesTo48(String text) {
        try {
            return Base58.decode(text, text.length()).length == 48;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] withZeros(int zeros, int rest, byte first, byte fill) {
        byte[] bytes = new byte[zeros + rest];
        if (rest > 0) {
            Arrays.fill(bytes, zeros, bytes.length, fill);
            bytes[zeros] = first;
        }
        return bytes;
    }
}
