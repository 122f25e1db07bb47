package net.nym.tokenomics.eventlog.digest;

import net.nym.tokenomics.eventlog.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A deterministic digest of a state: SHA-256 (lower-case hex) of the state's canonical JSON — snake_case properties
 * sorted by name, map entries sorted by key, decimals as their plain strings. The same state gives the same digest
 * on every JVM and every replay. State to be digested must therefore use sorted maps or records, never a
 * collection whose iteration order is unspecified (a HashSet would serialise in hash order).
 */
public final class StateDigest {

    private StateDigest() {
    }

    public static String of(Object state) {
        return sha256Hex(Json.writeBytes(state));
    }

    /** A hash chain link: digest of the previous digest followed by this state's canonical JSON. */
    public static String chain(String previousDigest, Object state) {
        MessageDigest md = sha256();
        md.update(previousDigest.getBytes(StandardCharsets.US_ASCII));
        md.update((byte) '\n');
        md.update(Json.writeBytes(state));
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
