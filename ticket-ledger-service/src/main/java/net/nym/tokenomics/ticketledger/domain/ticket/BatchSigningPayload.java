package net.nym.tokenomics.ticketledger.domain.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * The exact bytes a gateway signs with its ed25519 identity key for one ticket batch (version 1).
 *
 * <pre>
 * payload     = "nym-ticket-batch-v1"              19 bytes of ASCII, no length prefix (domain separation)
 *               ‖ lp(gateway identity, Base58)
 *               ‖ lp(idempotency key)
 *               ‖ u64_be(submitted_at, Unix epoch milliseconds)
 *               ‖ tickets_digest                    32 bytes
 * tickets_digest = SHA-256( u32_be(ticket count)
 *               ‖ for each ticket, in submission order: lp(serial, Base58 as sent) ‖ lp(type JSON name as sent)
 *                                                      ‖ lp(spend date, ISO-8601 "YYYY-MM-DD") )
 * lp(s)       = u32_be(byte length of UTF-8(s)) ‖ UTF-8(s)
 * </pre>
 *
 * Why not Nym's serial-only digest: it leaves ticket types and spend dates unsigned, so a relay could turn a
 * mixnet-exit ticket into a wireguard one. Every field is length-prefixed so no two different batches share a
 * payload, and the ticket fields are signed as sent (not as parsed) so a malformed ticket is still covered.
 * {@link #ticketsDigest} is also the body fingerprint that idempotent resubmission compares.
 */
public final class BatchSigningPayload {

    public static final String DOMAIN_TAG = "nym-ticket-batch-v1";

    private BatchSigningPayload() {
    }

    public static byte[] bytes(GatewayIdentity gateway, String idempotencyKey, Instant submittedAt,
                               List<SubmittedTicket> tickets) {
        return bytes(gateway, idempotencyKey, submittedAt, ticketsDigest(tickets));
    }

    /** The payload from an already computed {@link #ticketsDigest} (the request path computes it once). */
    public static byte[] bytes(GatewayIdentity gateway, String idempotencyKey, Instant submittedAt, byte[] ticketsDigest) {
        byte[] tag = DOMAIN_TAG.getBytes(StandardCharsets.US_ASCII);
        byte[] identity = gateway.base58().getBytes(StandardCharsets.UTF_8);
        byte[] key = idempotencyKey.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[tag.length + 4 + identity.length + 4 + key.length + 8 + ticketsDigest.length];
        int at = put(out, 0, tag);
        at = put(out, put(out, at, u32(new byte[4], identity.length)), identity);
        at = put(out, put(out, at, u32(new byte[4], key.length)), key);
        long millis = submittedAt.toEpochMilli();
        at = put(out, put(out, at, u32(new byte[4], (int) (millis >>> 32))), u32(new byte[4], (int) millis));
        put(out, at, ticketsDigest);
        return out;
    }

    public static byte[] ticketsDigest(List<SubmittedTicket> tickets) {
        MessageDigest sha256 = BatchDigest.sha256();
        byte[] lengthPrefix = new byte[4];
        sha256.update(u32(lengthPrefix, tickets.size()));
        for (SubmittedTicket ticket : tickets) {
            for (String field : new String[] {ticket.serial(), ticket.type(), ticket.spendDate().toString()}) {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                sha256.update(u32(lengthPrefix, utf8.length));
                sha256.update(utf8);
            }
        }
        return sha256.digest();
    }

    /** Writes {@code value} big-endian into {@code into} (4 bytes) and returns it. */
    private static byte[] u32(byte[] into, int value) {
        into[0] = (byte) (value >>> 24);
        into[1] = (byte) (value >>> 16);
        into[2] = (byte) (value >>> 8);
        into[3] = (byte) value;
        return into;
    }

    /** Copies {@code bytes} into {@code out} at {@code at}; returns the position after them. */
    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }
}
