package net.nym.tokenomics.simulator.identity;

import net.nym.tokenomics.eventlog.signing.Ed25519;
import net.nym.tokenomics.eventlog.encoding.Base58;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;

/** An ed25519 identity made from a 32-byte seed (node identities, gateway identities, the network monitor). */
public final class Ed25519Identity {

    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;

    public Ed25519Identity(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // The JDK draws the 32-byte private key from the SecureRandom: handing it the seed makes the key the seed's.
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            this.privateKey = pair.getPrivate();
            this.rawPublicKey = Ed25519.rawPublicKey(pair.getPublic());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by every JDK 15+", e);
        }
    }

    public String publicKeyBase58() {
        return Base58.encode(rawPublicKey);
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    public String signBase58(byte[] message) {
        return Base58.encode(sign(message));
    }

    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
