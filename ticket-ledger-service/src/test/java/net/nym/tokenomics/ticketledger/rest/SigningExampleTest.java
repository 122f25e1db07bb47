package net.nym.tokenomics.ticketledger.rest;

import net.nym.tokenomics.eventlog.signing.Ed25519;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchDigest;
import net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.domain.ticket.TicketSerial;
import net.nym.tokenomics.ticketledger.signing.GatewaySignatures;
import org.junit.jupiter.api.Test;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's worked example, recomputed: if this fails, the README is wrong. */
class SigningExampleTest {

    static final byte[] SEED = filled(32, 0x01);
    static final byte[] SERIAL_1 = filled(48, 0x11);
    static final byte[] SERIAL_2 = filled(48, 0x22);
    static final Instant SUBMITTED_AT = Instant.parse("2026-05-16T12:00:00Z");
    static final String KEY = "gw-2026-05-16-0001";

    @Test
    void theReadmeExampleIsWhatTheServiceComputes() {
        PrivateKey secret = Ed25519.privateKey(SEED);
        GatewayIdentity identity = identityOf(SEED);
        List<SubmittedTicket> tickets = List.of(
                new SubmittedTicket(TicketSerial.ofBytes(SERIAL_1).base58(), "v1-mixnet-entry", LocalDate.of(2026, 5, 16)),
                new SubmittedTicket(TicketSerial.ofBytes(SERIAL_2).base58(), "v1-wireguard-exit", LocalDate.of(2026, 5, 15)));
        byte[] payload = BatchSigningPayload.bytes(identity, KEY, SUBMITTED_AT, tickets);
        String signature = GatewaySignatures.signBase58(secret, payload);
        String digest = BatchDigest.base58Of(List.of(SERIAL_1, SERIAL_2));

        System.out.println("identity  " + identity.base58());
        System.out.println("serial1   " + tickets.get(0).serial());
        System.out.println("serial2   " + tickets.get(1).serial());
        System.out.println("digest    " + digest);
        System.out.println("tickets_digest " + HexFormat.of().formatHex(BatchSigningPayload.ticketsDigest(tickets)));
        System.out.println("payload   " + HexFormat.of().formatHex(payload));
        System.out.println("signature " + signature);

        assertThat(identity.base58()).isEqualTo(Expected.IDENTITY);
        assertThat(digest).isEqualTo(Expected.DIGEST);
        assertThat(signature).isEqualTo(Expected.SIGNATURE);
        assertThat(GatewaySignatures.verify(identity, payload, signature)).isTrue();
    }

    static GatewayIdentity identityOf(byte[] seed) {
        try {
            // JCA derives a public key only while generating a pair: hand the generator the seed as its randomness.
            var spec = new java.security.spec.NamedParameterSpec("Ed25519");
            var gen = java.security.KeyPairGenerator.getInstance("Ed25519");
            gen.initialize(spec, new FixedRandom(seed));
            return GatewaySignatures.identity(gen.generateKeyPair().getPublic());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands the key generator the seed as its "random" bytes, so the pair is the seed's. */
    static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    static final class Expected {
        static final String IDENTITY = "AKnL4NNf3DGWZJS6cPknBuEGnVsV4A4m5tgebLHaRSZ9";
        static final String DIGEST = "GjCtNm4JVojj4dDqhNKgZo9qNHVoxEeVEuYtU8GeFZAx";
        static final String SIGNATURE =
                "3C22NtgGRMAbzLu9vshffsmHtwNAsZBFmrKFFMaKKsFuTCoJoqrYcvpPFb3EJCfHMuf2U6PFWJt9ugAqfcMPUmXx";
    }
}
