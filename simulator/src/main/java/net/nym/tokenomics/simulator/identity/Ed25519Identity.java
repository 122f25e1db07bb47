package net.nym.tokenomics.simulator.identity;

import net.nym.tokenomics.eventlog.signing.Ed25519;
import net.nym.tokenomics.eventlog.encoding.Base58;

import java.security.KeyPair;
import java.security.PrivateKey;

/** An ed25519 identity made from a 32-byte seed (node identities, gateway identities, the network monitor). */
public final class Ed25519Identity {

    private final PrivateKey privateKey;
    private final byte[] rawPublicKey;

    public Ed25519Identity(byte[] seed) {
        KeyPair pair = Ed25519.keyPair(seed);
        this.privateKey = pair.getPrivate();
        this.rawPublicKey = Ed25519.rawPublicKey(pair.getPublic());
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
}
