package net.nym.tokenomics.ticketledger.domain.ticket;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchDigestTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** TV-10: verify_digest is SHA-256 over the concatenated serial bytes, so ["foomp", "bar"] hashes "foompbar". */
    @Test
    void digestIsSha256OverConcatenatedSerialBytes() throws Exception {
        byte[] digest = BatchDigest.of(List.of(utf8("foomp"), utf8("bar")));
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(utf8("foompbar")));
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("6b6641ad3dd48ac68220ae0de15a7b7c10421c34d05029c8247b3a500f807920");
        assertThat(BatchDigest.base58Of(List.of(utf8("foomp"), utf8("bar"))))
                .isEqualTo("8EF4UQdMX3bdd2uVNijTD7a1SK8iA1kfwvYDWedq7n87");
    }

    @Test
    void digestDependsOnOrderButNotOnSplitPoints() {
        assertThat(BatchDigest.of(List.of(utf8("bar"), utf8("foomp"))))
                .isNotEqualTo(BatchDigest.of(List.of(utf8("foomp"), utf8("bar"))));
        // Nym's rule has no separators: this is why the signed payload below does not reuse it.
        assertThat(BatchDigest.of(List.of(utf8("foo"), utf8("mpbar"))))
                .isEqualTo(BatchDigest.of(List.of(utf8("foomp"), utf8("bar"))));
    }

    @Test
    void signingPayloadHasTheDocumentedLayout() throws Exception {
        GatewayIdentity gateway = GatewayIdentity.ofBytes(new byte[32]);
        List<SubmittedTicket> tickets = List.of(new SubmittedTicket("abc", "v1-mixnet-entry", LocalDate.of(2026, 5, 16)));
        Instant submittedAt = Instant.ofEpochMilli(1_779_000_000_123L);

        byte[] payload = BatchSigningPayload.bytes(gateway, "key-1", submittedAt, tickets);

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] ticketsDigest = sha256.digest(ByteBuffer.allocate(4 + 4 + 3 + 4 + 15 + 4 + 10)
                .putInt(1).putInt(3).put(utf8("abc")).putInt(15).put(utf8("v1-mixnet-entry"))
                .putInt(10).put(utf8("2026-05-16")).array());
        byte[] expected = ByteBuffer.allocate(19 + 4 + 32 + 4 + 5 + 8 + 32)
                .put(utf8("nym-ticket-batch-v1"))
                .putInt(32).put(utf8("11111111111111111111111111111111"))
                .putInt(5).put(utf8("key-1"))
                .putLong(1_779_000_000_123L)
                .put(ticketsDigest)
                .array();
        assertThat(payload).isEqualTo(expected);
        assertThat(BatchSigningPayload.ticketsDigest(tickets)).isEqualTo(ticketsDigest);
    }

    @Test
    void lengthPrefixesKeepDifferentBatchesApart() {
        LocalDate day = LocalDate.of(2026, 5, 16);
        byte[] a = BatchSigningPayload.ticketsDigest(List.of(new SubmittedTicket("ab", "c", day)));
        byte[] b = BatchSigningPayload.ticketsDigest(List.of(new SubmittedTicket("a", "bc", day)));
        assertThat(a).isNotEqualTo(b);
    }
}
