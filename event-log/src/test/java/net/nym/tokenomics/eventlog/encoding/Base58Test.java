package net.nym.tokenomics.eventlog.encoding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base58Test {

    /** Bitcoin Core's base58_encode_decode.json vectors plus the leading-zero cases. */
    @ParameterizedTest(name = "{0} <-> \"{1}\"")
    @CsvSource(value = {
            "'', ''",
            "00, 1",
            "0000287fb4cd, 11233QC4",
            "00000000000000000000, 1111111111",
            "61, 2g",
            "626262, a3gV",
            "636363, aPEr",
            "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
            "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
            "516b6fcd0f, ABnLTmg",
            "bf4f89001e670274dd, 3SEo3LWLoPntC",
            "572e4794, 3EFU7m",
            "ecac89cad93923c02321, EJDM8drfXA6uyA",
            "10c8511e, Rt5zm",
    })
    void encodesAndDecodesKnownVectors(String hex, String text) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(Base58.encode(bytes)).isEqualTo(text);
        assertThat(Base58.decode(text, bytes.length)).isEqualTo(bytes);
    }

    @Test
    void helloWorld() {
        byte[] bytes = "Hello World".getBytes(StandardCharsets.US_ASCII);
        assertThat(Base58.encode(bytes)).isEqualTo("JxF12TrwUP45BMd");
        assertThat(Base58.decode("JxF12TrwUP45BMd", bytes.length)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "\"{0}\" fails at {1}")
    @CsvSource(value = {
            "0, 0, '0'",
            "abc0def, 3, '0'",
            "1111O, 4, 'O'",
            "I, 0, 'I'",
            "2gl, 2, 'l'",
            "'2g ', 2, ' '",
            "'+2g', 0, '+'",
            "2gé, 2, 'é'",
    })
    void rejectsCharactersOutsideTheAlphabetNamingThePosition(String text, int position, char character) {
        assertThatThrownBy(() -> Base58.decode(text, 64))
                .isInstanceOfSatisfying(InvalidBase58Exception.class, e -> {
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.character()).isEqualTo(character);
                    assertThat(e.getMessage()).contains("position " + position);
                });
    }

    /** Against the obvious big-integer definition, on random inputs with random runs of leading zeros. */
    @Test
    void agreesWithBigIntegerReferenceAndRoundTrips() {
        Random random = new Random(58);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            int zeros = Math.min(bytes.length, random.nextInt(4));
            for (int z = 0; z < zeros; z++) {
                bytes[z] = 0;
            }
            String text = Base58.encode(bytes);
            assertThat(text).isEqualTo(reference(bytes));
            assertThat(Base58.decode(text, bytes.length)).isEqualTo(bytes);
        }
    }

    /** The longest text of n bytes, for the sizes the services read: ed25519 keys and signatures, serials, digests. */
    @ParameterizedTest(name = "{0} bytes: at most {1} characters")
    @CsvSource(value = {"0, 0", "1, 2", "2, 3", "32, 44", "48, 66", "64, 88", "1024, 1399"})
    void theLongestEncodingOfEachSizeIsAcceptedAndOneMoreCharacterIsNot(int bytes, int longest) {
        assertThat(Base58.maxEncodedLength(bytes)).isEqualTo(longest);
        byte[] ones = new byte[bytes];
        java.util.Arrays.fill(ones, (byte) 0xff);
        String text = Base58.encode(ones);
        assertThat(text).hasSize(longest);
        assertThat(Base58.decode(text, bytes)).isEqualTo(ones);
        assertThatThrownBy(() -> Base58.decode(text + "2", bytes))
                .isInstanceOfSatisfying(Base58TooLongException.class, e -> {
                    assertThat(e.length()).isEqualTo(longest + 1);
                    assertThat(e.maxLength()).isEqualTo(longest);
                    assertThat(e.maxBytes()).isEqualTo(bytes);
                });
    }

    /** maxEncodedLength is exact for every size up to 512 bytes, not only the ones in the table. */
    @Test
    void maxEncodedLengthIsTheLengthOfTheLargestValue() {
        for (int n = 0; n <= 512; n++) {
            byte[] ones = new byte[n];
            java.util.Arrays.fill(ones, (byte) 0xff);
            assertThat(Base58.maxEncodedLength(n)).as("%d bytes", n).isEqualTo(Base58.encode(ones).length());
        }
    }

    /**
     * The length is checked before any character is read: a 400,000-character text of characters that are not even
     * Base58 is refused as too long, not as invalid (an invalid character would be reported if decoding had begun).
     */
    @ParameterizedTest(name = "{0} characters with at most {1} bytes")
    @CsvSource(value = {"45, 32", "67, 48", "89, 64", "400000, 32", "400000, 1024"})
    void aLongerTextIsRefusedByItsLengthAlone(int length, int maxBytes) {
        String text = "0".repeat(length);
        assertThatThrownBy(() -> Base58.decode(text, maxBytes))
                .isInstanceOf(Base58TooLongException.class)
                .hasMessageContaining(length + " characters");
    }

    /** Leading '1's are zero bytes: a text short enough can still hold more bytes than the reader expects. */
    @Test
    void aTextThatDecodesToMoreBytesThanTheMaximumIsRefused() {
        assertThat(Base58.decode("1".repeat(32), 32)).hasSize(32);
        assertThatThrownBy(() -> Base58.decode("1".repeat(33), 32))
                .isInstanceOf(Base58TooLongException.class).hasMessageContaining("33 bytes");
    }

    private static String reference(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            out.append(Base58.ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }
}
