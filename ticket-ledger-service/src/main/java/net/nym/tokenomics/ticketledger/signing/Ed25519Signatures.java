package net.nym.tokenomics.ticketledger.signing;

import net.nym.tokenomics.eventlog.encoding.Base58;
import net.nym.tokenomics.ticketledger.domain.ticket.GatewayIdentity;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Plain ed25519 (RFC 8032, no pre-hash, no context) over the given bytes, as Nym's identity keys sign. Signatures
 * are 64 bytes and travel Base58. For a ticket batch the bytes are
 * {@link net.nym.tokenomics.ticketledger.domain.ticket.BatchSigningPayload}.
 */
public final class Ed25519Signatures {

    public static final int SIGNATURE_BYTES = 64;

    private Ed25519Signatures() {
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public static String signBase58(PrivateKey key, byte[] message) {
        return Base58.encode(sign(key, message));
    }

    /** False for a wrong key, a changed message, or a signature that is not 64 bytes; never throws on bad input. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this Java runtime", e);
        }
    }

    /** Verifies a Base58 signature against a gateway's identity key; malformed Base58 is simply not valid. */
    public static boolean verify(GatewayIdentity identity, byte[] message, String signatureBase58) {
        byte[] signature;
        try {
            signature = Base58.decode(signatureBase58);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verify(Ed25519Keys.publicKey(identity), message, signature);
    }
}
