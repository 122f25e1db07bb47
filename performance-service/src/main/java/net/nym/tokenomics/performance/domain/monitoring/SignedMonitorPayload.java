package net.nym.tokenomics.performance.domain.monitoring;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The exact bytes a monitor signs, as nym-api defines them: {@code json(results) ‖ timestamp as i64 little-endian}.
 *
 * <p>Canonical JSON of the results (the form serde_json gives nym-api's struct): a compact array of objects, no
 * whitespace anywhere, fields in the order {@code node_id}, {@code identity}, {@code reliability}; integers in
 * plain decimal; the identity as a JSON string in which quote and backslash are backslash-escaped, backspace,
 * form feed, newline, carriage return and tab use their two-character escapes, other control characters below
 * U+0020 use the six-character escape with four lower-case hex digits, and everything else is raw
 * UTF-8. Example: {@code [{"node_id":1,"identity":"Fo0...","reliability":99}]}. Signers must produce exactly these
 * bytes; a verifier never re-parses the body text it was sent.
 */
public final class SignedMonitorPayload {

    private SignedMonitorPayload() {
    }

    public static byte[] bytes(List<MonitorResult> results, long timestamp) {
        byte[] json = canonicalJson(results).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(json, json.length + 8);
        for (int i = 0; i < 8; i++) {
            out[json.length + i] = (byte) (timestamp >>> (8 * i));
        }
        return out;
    }

    public static String canonicalJson(List<MonitorResult> results) {
        StringBuilder sb = new StringBuilder(results.size() * 80 + 2).append('[');
        for (int i = 0; i < results.size(); i++) {
            MonitorResult r = results.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"node_id\":").append(r.nodeId()).append(",\"identity\":");
            appendString(sb, r.identity());
            sb.append(",\"reliability\":").append(r.reliability()).append('}');
        }
        return sb.append(']').toString();
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
