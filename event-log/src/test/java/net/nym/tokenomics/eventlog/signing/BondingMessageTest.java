package net.nym.tokenomics.eventlog.signing;

import net.nym.tokenomics.eventlog.encoding.Base58;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BondingMessageTest {

    private static final String KEY = "4yVfMGBqTTXRR4mPiv2tWLYRNaSBDfXDh9PCbCGMwgJk";

    /** (owner, identity key, host, port, nonce) and the exact bytes signed, as hex so that nothing is re-derived. */
    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("n1owner", KEY, "node.example.org", 8080, 1L,
                        hex("nym-tokenomics-bond-v1\nn1owner\n" + KEY + "\nnode.example.org\n8080\n1")),
                Arguments.of("n1abc", "11", "10.0.0.7", 1, 0L, "6e796d2d746f6b656e6f6d6963732d626f6e642d7631"
                        + "0a6e31616263" + "0a3131" + "0a31302e302e302e37" + "0a31" + "0a30"),
                Arguments.of("operator", KEY, "[2001:db8::1]", 65535, 9_223_372_036_854_775_807L,
                        hex("nym-tokenomics-bond-v1\noperator\n" + KEY + "\n[2001:db8::1]\n65535\n9223372036854775807")),
                // The owner is UTF-8; a 2-byte character stays 2 bytes.
                Arguments.of("n1\u00e9", KEY, "h", 80, 42L,
                        "6e796d2d746f6b656e6f6d6963732d626f6e642d76310a6e31c3a90a" + hex(KEY) + "0a680a38300a3432"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theSignedBytesAreSixLinesJoinedByNewline(String owner, String key, String host, int port, long nonce, String expectedHex) {
        assertThat(HexFormat.of().formatHex(new BondingMessage(owner, key, host, port, nonce).bytes())).isEqualTo(expectedHex);
    }

    @Test
    void aSignatureVerifiesOverItsOwnMessageOnly() {
        KeyPair pair = Ed25519.keyPair(new byte[32]);
        byte[] raw = Ed25519.rawPublicKey(pair.getPublic());
        String key = Base58.encode(raw);
        BondingMessage message = new BondingMessage("n1owner", key, "node.example.org", 8080, 7);
        byte[] signature = message.signedWith(pair.getPrivate());
        assertThat(message.verifies(signature)).isTrue();
        List<BondingMessage> others = List.of(
                new BondingMessage("n1thief", key, "node.example.org", 8080, 7),
                new BondingMessage("n1owner", key, "evil.example.org", 8080, 7),
                new BondingMessage("n1owner", key, "node.example.org", 8081, 7),
                new BondingMessage("n1owner", key, "node.example.org", 8080, 8),
                new BondingMessage("n1owner", Base58.encode(Ed25519.rawPublicKey(Ed25519.keyPair(seed(1)).getPublic())),
                        "node.example.org", 8080, 7));
        for (BondingMessage other : others) {
            assertThat(other.verifies(signature)).as("%s", other).isFalse();
        }
    }

    @Test
    void aKeyThatIsNotA32ByteBase58KeyVerifiesNothing() {
        byte[] anySignature = new byte[Ed25519.SIGNATURE_BYTES];
        assertThat(new BondingMessage("o", "0OIl", "h", 1, 1).verifies(anySignature)).isFalse();
        assertThat(new BondingMessage("o", "11", "h", 1, 1).verifies(anySignature)).isFalse();
        assertThat(new BondingMessage("o", KEY, "h", 1, 1).verifies(null)).isFalse();
    }

    @Test
    void aFieldWithALineBreakIsRefusedSoThatTheLinesStayUnambiguous() {
        assertThatThrownBy(() -> new BondingMessage("n1a\n" + KEY, KEY, "h", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BondingMessage("n1a", KEY, "h\r", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BondingMessage("n1a", KEY + "\n", "h", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BondingMessage(null, KEY, "h", 1, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aSeedAlwaysGivesTheSameKeyPair() {
        KeyPair a = Ed25519.keyPair(seed(3));
        KeyPair b = Ed25519.keyPair(seed(3));
        assertThat(Ed25519.rawPublicKey(a.getPublic())).isEqualTo(Ed25519.rawPublicKey(b.getPublic()));
        assertThat(Ed25519.rawPublicKey(a.getPublic())).isNotEqualTo(Ed25519.rawPublicKey(Ed25519.keyPair(seed(4)).getPublic()));
        // RFC 8032 section 7.1, TEST 1: the seed's public key.
        KeyPair rfc = Ed25519.keyPair(HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(HexFormat.of().formatHex(Ed25519.rawPublicKey(rfc.getPublic())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    private static byte[] seed(int n) {
        byte[] seed = new byte[32];
        seed[31] = (byte) n;
        return seed;
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
