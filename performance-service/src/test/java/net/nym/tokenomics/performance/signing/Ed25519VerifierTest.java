package net.nym.tokenomics.performance.signing;

import net.nym.tokenomics.eventlog.encoding.Base58;

import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import net.nym.tokenomics.performance.domain.monitoring.SignedMonitorPayload;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Ed25519VerifierTest {

    private static byte[] sign(KeyPair kp, byte[] message) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(kp.getPrivate());
        s.update(message);
        return s.sign();
    }

    @Test
    void aSignedSubmissionVerifiesAndAnyChangedByteFails() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Ed25519Verifier.rawPublicKey(kp.getPublic());
        String signerBs58 = Base58.encode(raw);
        List<MonitorResult> results = List.of(new MonitorResult(1, "IdentOne", 99), new MonitorResult(2, "IdentTwo", 0));
        byte[] body = SignedMonitorPayload.bytes(results, 1_779_000_000L);
        byte[] signature = sign(kp, body);

        assertThat(Ed25519Verifier.verify(Base58.decode(signerBs58), body, Base58.decode(Base58.encode(signature))))
                .isTrue();
        for (int i = 0; i < body.length; i++) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertThat(Ed25519Verifier.verify(raw, tampered, signature)).as("byte %d changed", i).isFalse();
        }
        // A different timestamp is a different message.
        assertThat(Ed25519Verifier.verify(raw, SignedMonitorPayload.bytes(results, 1_779_000_001L), signature)).isFalse();
        byte[] badSignature = signature.clone();
        badSignature[10] ^= 0x40;
        assertThat(Ed25519Verifier.verify(raw, body, badSignature)).isFalse();
    }

    @Test
    void rfc8032TestVector1() {
        // RFC 8032 section 7.1, TEST 1: empty message.
        HexFormat hex = HexFormat.of();
        byte[] pk = hex.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] sig = hex.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519Verifier.verify(pk, new byte[0], sig)).isTrue();
        assertThat(Ed25519Verifier.verify(pk, new byte[] {0}, sig)).isFalse();
    }

    @Test
    void malformedKeysAndSignaturesFailQuietly() {
        assertThat(Ed25519Verifier.verify(new byte[31], new byte[0], new byte[64])).isFalse();
        assertThat(Ed25519Verifier.verify(new byte[32], new byte[0], new byte[63])).isFalse();
        assertThat(Ed25519Verifier.verify(null, new byte[0], new byte[64])).isFalse();
    }

    @Test
    void base58RoundTripKeepsLeadingZeros() {
        byte[] bytes = {0, 0, 1, 2, (byte) 0xFF};
        assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
        assertThat(Base58.encode(new byte[] {0, 0})).isEqualTo("11");
        assertThat(Base58.encode("hello world".getBytes())).isEqualTo("StV1DL6CwTryKyV");
    }
}
