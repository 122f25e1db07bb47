package net.nym.tokenomics.ticketledger.signing;

import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.Ed25519;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaySignaturesTest {

    @Test
    void aSignedBatchVerifiesAndAnyChangeOrOtherKeyFails() throws Exception {
        KeyPair gateway = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GatewayIdentity identity = GatewaySignatures.identity(gateway.getPublic());
        byte[] payload = BatchSigningPayload.bytes(identity, "batch-42", Instant.parse("2026-05-16T12:00:00Z"),
                List.of(new SubmittedTicket("serial", "v1-mixnet-entry", LocalDate.of(2026, 5, 16))));
        String signature = GatewaySignatures.signBase58(gateway.getPrivate(), payload);

        assertThat(GatewaySignatures.verify(identity, payload, signature)).isTrue();
        for (int i = 0; i < payload.length; i++) {
            byte[] changed = payload.clone();
            changed[i] ^= 0x01;
            assertThat(GatewaySignatures.verify(identity, changed, signature)).as("byte %d flipped", i).isFalse();
        }
        assertThat(GatewaySignatures.verify(GatewaySignatures.identity(other.getPublic()), payload, signature)).isFalse();
    }

    @Test
    void malformedSignaturesAreInvalidNotErrors() throws Exception {
        KeyPair gateway = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GatewayIdentity identity = GatewaySignatures.identity(gateway.getPublic());
        byte[] signature = Ed25519.sign(gateway.getPrivate(), new byte[] {1, 2, 3});

        assertThat(GatewaySignatures.verify(identity, new byte[] {1, 2, 3}, "not base58 0OIl")).isFalse();
        assertThat(GatewaySignatures.verify(identity, new byte[] {1, 2, 3}, Base58.encode(new byte[63]))).isFalse();
        byte[] flipped = signature.clone();
        flipped[10] ^= 0x40;
        assertThat(GatewaySignatures.verify(identity, new byte[] {1, 2, 3}, Base58.encode(flipped))).isFalse();
        assertThat(GatewaySignatures.verify(identity, new byte[] {1, 2, 3}, Base58.encode(signature))).isTrue();
    }

    @Test
    void identityIsTheBase58OfTheRawKey() throws Exception {
        KeyPair gateway = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        GatewayIdentity identity = GatewaySignatures.identity(gateway.getPublic());
        assertThat(identity.bytes()).hasSize(32);
        assertThat(Ed25519.publicKey(identity.bytes())).isEqualTo(gateway.getPublic());
    }
}
