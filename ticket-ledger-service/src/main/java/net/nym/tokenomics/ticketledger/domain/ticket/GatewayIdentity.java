package net.nym.tokenomics.ticketledger.domain.ticket;

import net.nym.tokenomics.eventlog.encoding.Base58;

import java.util.Objects;

/** A gateway's ed25519 identity key: 32 raw bytes, shown Base58 as Nym shows node identities. */
public record GatewayIdentity(String base58) implements Comparable<GatewayIdentity> {

    public static final int KEY_BYTES = 32;

    public GatewayIdentity {
        Objects.requireNonNull(base58, "base58");
        // Base58TooLongException (an IllegalArgumentException) before any decoding when the text is too long for a key.
        int length = Base58.decode(base58, KEY_BYTES).length;
        if (length != KEY_BYTES) {
            throw new IllegalArgumentException("gateway identity '" + base58 + "' decodes to " + length
                    + " bytes, an ed25519 public key is " + KEY_BYTES);
        }
    }

    public static GatewayIdentity ofBytes(byte[] rawKey) {
        return new GatewayIdentity(Base58.encode(rawKey));
    }

    public byte[] bytes() {
        return Base58.decode(base58, KEY_BYTES);
    }

    @Override
    public int compareTo(GatewayIdentity o) {
        return base58.compareTo(o.base58);
    }

    @Override
    public String toString() {
        return base58;
    }
}
