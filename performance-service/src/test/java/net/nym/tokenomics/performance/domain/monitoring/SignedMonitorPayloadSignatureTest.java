package net.nym.tokenomics.performance.domain.monitoring;

import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.Ed25519;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the network monitor signs: the exact bytes of its results and timestamp, verified as MonitorSubmissions does. */
class SignedMonitorPayloadSignatureTest {

    private static byte[] sign(KeyPair kp, byte[] message) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(kp.getPrivate());
        s.update(message);
        return s.sign();
    }

    @Test
    void aSignedSubmissionVerifiesAndAnyChangedByteFails() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] raw = Ed25519.rawPublicKey(kp.getPublic());
        String signerBs58 = Base58.encode(raw);
        List<MonitorResult> results = List.of(new MonitorResult(1, "IdentOne", 99), new MonitorResult(2, "IdentTwo", 0));
        byte[] body = SignedMonitorPayload.bytes(results, 1_779_000_000L);
        byte[] signature = sign(kp, body);

        assertThat(Ed25519.verify(Base58.decode(signerBs58, Ed25519.KEY_BYTES), body,
                Base58.decode(Base58.encode(signature), Ed25519.SIGNATURE_BYTES)))
                .isTrue();
        for (int i = 0; i < body.length; i++) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertThat(Ed25519.verify(raw, tampered, signature)).as("byte %d changed", i).isFalse();
        }
        // A different timestamp is a different message.
        assertThat(Ed25519.verify(raw, SignedMonitorPayload.bytes(results, 1_779_000_001L), signature)).isFalse();
        byte[] badSignature = signature.clone();
        badSignature[10] ^= 0x40;
        assertThat(Ed25519.verify(raw, body, badSignature)).isFalse();
    }
}
