package net.nym.tokenomics.eventlog.signing;

import net.nym.tokenomics.eventlog.encoding.Base58;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * What a node's ed25519 identity key signs to be bonded: proof that whoever bonds the key holds it, so nobody can bond
 * another's (unbonded) gateway key and be credited for its tickets. Nym's contract likewise verifies a signature by
 * the identity key over the bonding message; ours names the owner (a captured signature does not bond the key to
 * another account), the host and port the node is reached at, and a nonce: the ledger's next node id, which moves on
 * with every bond, so a signature cannot be replayed for a later bond of the same key.
 *
 * <p>The signed bytes are UTF-8 of six lines joined by {@code '\n'} (no trailing newline): {@value #DOMAIN}, owner,
 * identity key (base58, as sent), host, http port and nonce (decimal). A field may not contain a line break, so the
 * lines cannot be read two ways.
 */
public record BondingMessage(String owner, String identityKey, String host, int httpPort, long nonce) {

    /** The first line: what the signature is for, and the message's version. */
    public static final String DOMAIN = "nym-tokenomics-bond-v1";

    public BondingMessage {
        singleLine("owner", owner);
        singleLine("identity_key", identityKey);
        singleLine("host", host);
    }

    public byte[] bytes() {
        return String.join("\n", DOMAIN, owner, identityKey, host, Integer.toString(httpPort), Long.toString(nonce))
                .getBytes(StandardCharsets.UTF_8);
    }

    public byte[] signedWith(PrivateKey identity) {
        return Ed25519.sign(identity, bytes());
    }

    /** True only if {@link #identityKey} is a base58 32-byte key and {@code signature} is its signature over {@link #bytes()}. */
    public boolean verifies(byte[] signature) {
        byte[] raw;
        try {
            raw = Base58.decode(identityKey, Ed25519.KEY_BYTES);
        } catch (IllegalArgumentException notBase58) {
            return false;
        }
        return Ed25519.verify(raw, bytes(), signature);
    }

    private static void singleLine(String field, String value) {
        Objects.requireNonNull(value, field);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(field + " must not contain a line break");
        }
    }
}
