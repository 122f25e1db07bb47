package net.nym.tokenomics.ticketledger.signing;

import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Ed25519SignaturesTest {

    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 section 7.1, TEST 1 (empty message). */
    @Test
    void rawKeysReproduceRfc8032TestOne() {
        PrivateKey secret = Ed25519Keys.privateKey(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        byte[] rawPublic = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] signature = Ed25519Signatures.sign(secret, new byte[0]);

        assertThat(HEX.formatHex(signature)).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
                + "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        assertThat(Ed25519Signatures.verify(Ed25519Keys.publicKey(rawPublic), new byte[0], signature)).isTrue();
        assertThat(Ed25519Keys.rawPublicKey(Ed25519Keys.publicKey(rawPublic))).isEqualTo(rawPublic);
    }

    @Test
    void aSignedBatchVerifiesAndAnyChangeOrOtherKeyFails() throws Exception {
        KeyPair gateway = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GatewayIdentity identity = Ed25519Keys.identity(gateway.getPublic());
        byte[] payload = BatchSigningPayload.bytes(identity, "batch-42", Instant.parse("2026-05-16T12:00:00Z"),
                List.of(new SubmittedTicket("serial", "v1-mixnet-entry", LocalDate.of(2026, 5, 16))));
        String signature = Ed25519Signatures.signBase58(gateway.getPrivate(), payload);

        assertThat(Ed25519Signatures.verify(identity, payload, signature)).isTrue();
        for (int i = 0; i < payload.length; i++) {
            byte[] changed = payload.clone();
            changed[i] ^= 0x01;
            assertThat(Ed25519Signatures.verify(identity, changed, signature)).as("byte %d flipped", i).isFalse();
        }
        assertThat(Ed25519Signatures.verify(Ed25519Keys.identity(other.getPublic()), payload, signature)).isFalse();
    }

    @Test
    void malformedSignaturesAreInvalidNotErrors() throws Exception {
        KeyPair gateway = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GatewayIdentity identity = Ed25519Keys.identity(gateway.getPublic());
        byte[] signature = Ed25519Signatures.sign(gateway.getPrivate(), new byte[] {1, 2, 3});

        assertThat(Ed25519Signatures.verify(identity, new byte[] {1, 2, 3}, "not base58 0OIl")).isFalse();
        assertThat(Ed25519Signatures.verify(identity, new byte[] {1, 2, 3}, Base58.encode(new byte[63]))).isFalse();
        byte[] flipped = signature.clone();
        flipped[10] ^= 0x40;
        assertThat(Ed25519Signatures.verify(identity, new byte[] {1, 2, 3}, Base58.encode(flipped))).isFalse();
        assertThat(Ed25519Signatures.verify(identity, new byte[] {1, 2, 3}, Base58.encode(signature))).isTrue();
    }

    @Test
    void identityIsTheBase58OfTheRawKey() throws Exception {
        KeyPair gateway = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GatewayIdentity identity = Ed25519Keys.identity(gateway.getPublic());
        assertThat(identity.bytes()).hasSize(32);
        assertThat(Ed25519Keys.publicKey(identity)).isEqualTo(gateway.getPublic());
    }
}
