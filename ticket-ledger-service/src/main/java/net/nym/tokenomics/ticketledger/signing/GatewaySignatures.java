package net.nym.tokenomics.ticketledger.signing;

import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.eventlog.signing.Ed25519;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A gateway's signature over a ticket batch ({@link net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload}):
 * plain ed25519 by its bonded identity key, the signature in Base58 as Nym shows it. The ed25519 rules themselves are
 * event-log's {@link Ed25519}.
 */
public final class GatewaySignatures {

    private GatewaySignatures() {
    }

    /** Verifies a Base58 signature against a gateway's identity key; malformed Base58 is simply not valid. */
    public static boolean verify(GatewayIdentity identity, byte[] message, String signatureBase58) {
        byte[] signature;
        try {
            signature = Base58.decode(signatureBase58, Ed25519.SIGNATURE_BYTES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return Ed25519.verify(identity.bytes(), message, signature);
    }

    /** The Base58 signature a gateway sends (clients, tests and the simulator sign with this). */
    public static String signBase58(PrivateKey key, byte[] message) {
        return Base58.encode(Ed25519.sign(key, message));
    }

    /** The identity (Base58 of the raw key) of a JCA Ed25519 public key. */
    public static GatewayIdentity identity(PublicKey key) {
        return GatewayIdentity.ofBytes(Ed25519.rawPublicKey(key));
    }
}
