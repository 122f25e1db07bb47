package net.nym.tokenomics.eventlog.signing;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte). */
    @Test
    void rawKeysReproduceRfc8032Vectors() {
        PrivateKey secret1 = Ed25519.privateKey(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        byte[] public1 = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] signature1 = Ed25519.sign(secret1, new byte[0]);
        assertThat(HEX.formatHex(signature1)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
                + "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519.verify(public1, new byte[0], signature1)).isTrue();
        assertThat(Ed25519.verify(public1, new byte[] {0}, signature1)).isFalse();
        assertThat(Ed25519.rawPublicKey(Ed25519.publicKey(public1))).isEqualTo(public1);

        PrivateKey secret2 = Ed25519.privateKey(HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
        byte[] public2 = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        byte[] signature2 = Ed25519.sign(secret2, new byte[] {0x72});
        assertThat(HEX.formatHex(signature2)).isEqualTo("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
        assertThat(Ed25519.verify(public2, new byte[] {0x72}, signature2)).isTrue();
        assertThat(Ed25519.verify(public1, new byte[] {0x72}, signature2)).as("other key").isFalse();
    }

    @Test
    void anyChangedByteOfTheMessageOrSignatureFails() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Ed25519.rawPublicKey(kp.getPublic());
        byte[] message = "nym ticket batch".getBytes();
        byte[] signature = Ed25519.sign(kp.getPrivate(), message);
        assertThat(Ed25519.verify(raw, message, signature)).isTrue();
        assertThat(Ed25519.verify(kp.getPublic(), message, signature)).isTrue();
        for (int i = 0; i < message.length; i++) {
            byte[] tampered = message.clone();
            tampered[i] ^= 0x01;
            assertThat(Ed25519.verify(raw, tampered, signature)).as("message byte %d", i).isFalse();
        }
        for (int i = 0; i < signature.length; i += 7) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 0x40;
            assertThat(Ed25519.verify(raw, message, tampered)).as("signature byte %d", i).isFalse();
        }
    }

    @Test
    void malformedKeysAndSignaturesFailQuietlyButBadKeyConversionsAreErrors() {
        assertThat(Ed25519.verify(new byte[31], new byte[0], new byte[64])).isFalse();
        assertThat(Ed25519.verify(new byte[32], new byte[0], new byte[63])).isFalse();
        assertThat(Ed25519.verify((byte[]) null, new byte[0], new byte[64])).isFalse();
        assertThat(Ed25519.verify(new byte[32], null, new byte[64])).isFalse();
        assertThat(Ed25519.verify(new byte[32], new byte[0], null)).isFalse();
        assertThatThrownBy(() -> Ed25519.publicKey(new byte[33])).hasMessage("an ed25519 public key is 32 bytes, got 33");
        assertThatThrownBy(() -> Ed25519.privateKey(new byte[3])).hasMessage("an ed25519 secret key is 32 bytes, got 3");
    }
}
