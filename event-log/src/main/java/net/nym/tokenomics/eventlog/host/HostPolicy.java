package net.nym.tokenomics.eventlog.host;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a node's host (as bonded: an IP literal or a DNS name) may be probed: only public addresses and names are,
 * unless a deployment allows private ones for local demos ({@code nym.nodes.allow-private-hosts}). Pure: a name is
 * judged by its syntax and well-known local suffixes only; whoever resolves it must check every resolved address with
 * {@link #classifyAddress} (a public name can resolve to 127.0.0.1) and connect to the address it checked.
 *
 * <p>Numeric forms that resolvers read as IPv4 ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1},
 * {@code 127.1}) are refused rather than interpreted: only the dotted quad in decimal without leading zeros is an
 * IPv4 literal. IPv6 zone ids are refused (they only name link-local scopes).
 */
public final class HostPolicy {

    /** RFC 1035's limit on a name's text form (without the trailing dot). */
    public static final int MAX_LENGTH = 253;

    private static final int MAX_LABEL = 63;

    /** Names under these never leave the local network (RFC 6761, RFC 6762, RFC 8375, cloud metadata names). */
    private static final List<String> LOCAL_SUFFIXES = List.of("localhost", "local", "internal", "localdomain", "lan",
            "home.arpa", "arpa", "invalid", "test");

    /** The verdict on one host. */
    public sealed interface Verdict {
        default boolean isPublic() {
            return this instanceof PublicAddress || this instanceof PublicName;
        }

        /** An IP literal (or resolved address) in public unicast space; {@code address} is 4 or 16 bytes. */
        record PublicAddress(byte[] address) implements Verdict {
            public PublicAddress {
                address = address.clone();
            }

            @Override
            public byte[] address() {
                return address.clone();
            }
        }

        /** A syntactically valid DNS name, lower-cased; its addresses still have to be checked once resolved. */
        record PublicName(String name) implements Verdict { }

        /** A well-formed host that is loopback, private, link-local, reserved, multicast or local by name. */
        record NotPublic(String reason) implements Verdict { }

        /** Not an IP literal nor a DNS name. */
        record Invalid(String reason) implements Verdict { }
    }

    private HostPolicy() {
    }

    public static Verdict classify(String host) {
        if (host == null || host.isEmpty()) {
            return new Verdict.Invalid("host is empty");
        }
        if (host.length() > MAX_LENGTH) {
            return new Verdict.Invalid("host is longer than " + MAX_LENGTH + " characters");
        }
        if (host.startsWith("[") || host.endsWith("]")) {
            if (!(host.startsWith("[") && host.endsWith("]") && host.length() > 2)) {
                return new Verdict.Invalid("unbalanced brackets around an IPv6 address");
            }
            return literal(parseIpv6(host.substring(1, host.length() - 1)), "IPv6 address");
        }
        if (host.indexOf(':') >= 0) {
            return literal(parseIpv6(host), "IPv6 address");
        }
        String lower = host.toLowerCase(Locale.ROOT);
        String last = lower.substring(lower.lastIndexOf('.') + 1);
        // RFC 3696: a top-level label is never all-numeric, so such a host is meant as an IPv4 literal.
        if (last.matches("[0-9]+") || last.matches("0x[0-9a-f]*")) {
            return literal(parseIpv4(lower), "dotted-quad IPv4 address (decimal, no leading zeros)");
        }
        return name(lower);
    }

    /** The same rules for an address already resolved (4 or 16 bytes). */
    public static Verdict classifyAddress(byte[] address) {
        Objects.requireNonNull(address, "address");
        return switch (address.length) {
            case 4 -> ipv4(address);
            case 16 -> ipv6(address);
            default -> new Verdict.Invalid("an address has 4 or 16 bytes, not " + address.length);
        };
    }

    private static Verdict literal(byte[] address, String expected) {
        return address == null ? new Verdict.Invalid("not a valid " + expected) : classifyAddress(address);
    }

    private static Verdict name(String name) {
        if (name.endsWith(".")) {
            return new Verdict.Invalid("a name with a trailing dot is not accepted");
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL) {
                return new Verdict.Invalid("each label of a name has 1 to " + MAX_LABEL + " characters");
            }
            if (!label.matches("[a-z0-9-]+") || label.startsWith("-") || label.endsWith("-")) {
                return new Verdict.Invalid("a name's labels are letters, digits and inner hyphens");
            }
        }
        for (String suffix : LOCAL_SUFFIXES) {
            if (name.equals(suffix) || name.endsWith("." + suffix)) {
                return new Verdict.NotPublic("names under ." + suffix + " are local");
            }
        }
        if (name.indexOf('.') < 0) {
            return new Verdict.NotPublic("a single-label name resolves through local search domains");
        }
        return new Verdict.PublicName(name);
    }

    private static Verdict ipv4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        String reason;
        if (b0 == 255 && b1 == 255 && b2 == 255 && (a[3] & 0xff) == 255) {
            reason = "the broadcast address";
        } else if (b0 == 0) {
            reason = "0.0.0.0/8 (this network)";
        } else if (b0 == 10) {
            reason = "private 10.0.0.0/8";
        } else if (b0 == 100 && (b1 & 0xc0) == 64) {
            reason = "shared (CGNAT) 100.64.0.0/10";
        } else if (b0 == 127) {
            reason = "loopback 127.0.0.0/8";
        } else if (b0 == 169 && b1 == 254) {
            reason = b2 == 169 && (a[3] & 0xff) == 254 ? "the cloud metadata address" : "link-local 169.254.0.0/16";
        } else if (b0 == 172 && (b1 & 0xf0) == 16) {
            reason = "private 172.16.0.0/12";
        } else if (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2)) {
            reason = "reserved 192.0.0.0/24 or documentation 192.0.2.0/24";
        } else if (b0 == 192 && b1 == 88 && b2 == 99) {
            reason = "6to4 relay anycast 192.88.99.0/24";
        } else if (b0 == 192 && b1 == 168) {
            reason = "private 192.168.0.0/16";
        } else if (b0 == 198 && (b1 & 0xfe) == 18) {
            reason = "benchmarking 198.18.0.0/15";
        } else if ((b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
            reason = "documentation (TEST-NET-2/3)";
        } else if (b0 >= 224 && b0 < 240) {
            reason = "multicast 224.0.0.0/4";
        } else if (b0 >= 240) {
            reason = "reserved 240.0.0.0/4";
        } else {
            return new Verdict.PublicAddress(a);
        }
        return new Verdict.NotPublic(reason);
    }

    private static Verdict ipv6(byte[] a) {
        if (isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return embedded(a, 12, "IPv4-mapped");
        }
        int g0 = ((a[0] & 0xff) << 8) | (a[1] & 0xff);
        int g1 = ((a[2] & 0xff) << 8) | (a[3] & 0xff);
        if (g0 == 0x64 && g1 == 0xff9b && isZero(a, 4, 8)) {
            return embedded(a, 12, "NAT64");
        }
        if (g0 == 0x2002) {
            return embedded(a, 2, "6to4");
        }
        String reason;
        if (isZero(a, 0, 15) && (a[15] & 0xff) <= 1) {
            reason = a[15] == 0 ? "the unspecified address ::" : "loopback ::1";
        } else if ((g0 & 0xfe00) == 0xfc00) {
            reason = "unique local fc00::/7";
        } else if ((g0 & 0xffc0) == 0xfe80) {
            reason = "link-local fe80::/10";
        } else if ((g0 & 0xffc0) == 0xfec0) {
            reason = "site-local fec0::/10";
        } else if ((g0 & 0xff00) == 0xff00) {
            reason = "multicast ff00::/8";
        } else if ((g0 & 0xe000) != 0x2000) {
            reason = "outside global unicast 2000::/3 (IPv4-compatible, discard, reserved)";
        } else if (g0 == 0x2001 && (g1 & 0xfe00) == 0) {
            reason = "IETF protocol assignments 2001::/23 (Teredo, benchmarking, ORCHID)";
        } else if (g0 == 0x2001 && g1 == 0x0db8) {
            reason = "documentation 2001:db8::/32";
        } else if (g0 == 0x3fff && (g1 & 0xf000) == 0) {
            reason = "documentation 3fff::/20";
        } else {
            return new Verdict.PublicAddress(a);
        }
        return new Verdict.NotPublic(reason);
    }

    /** An IPv6 address that carries an IPv4 one is judged by the IPv4 address. */
    private static Verdict embedded(byte[] a, int from, String form) {
        byte[] v4 = {a[from], a[from + 1], a[from + 2], a[from + 3]};
        return switch (ipv4(v4)) {
            case Verdict.NotPublic n -> new Verdict.NotPublic(form + " " + n.reason());
            case Verdict.PublicAddress p -> new Verdict.PublicAddress(a);
            case Verdict other -> other;
        };
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Strict dotted quad: four decimal parts 0-255, no leading zeros (which some resolvers read as octal). */
    static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.matches("[0-9]+") || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    /** RFC 4291 section 2.2 text forms (full, compressed, trailing dotted quad); no zone id. */
    static byte[] parseIpv6(String text) {
        if (text.isEmpty() || text.length() > 45 || !text.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        byte[] tail4 = null;
        String hex = text;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.') >= 0) {
            tail4 = parseIpv4(text.substring(lastColon + 1));
            if (tail4 == null) {
                return null;
            }
            // Keep a "::" that ends right before the IPv4 part ("::ffff:1.2.3.4" keeps "::ffff", "::1.2.3.4" keeps "::").
            hex = text.substring(0, lastColon + 1);
            if (!hex.endsWith("::")) {
                hex = hex.substring(0, Math.max(0, hex.length() - 1));
            }
        }
        int groupsWanted = tail4 == null ? 8 : 6;
        int dc = hex.indexOf("::");
        if (dc >= 0 && hex.indexOf("::", dc + 1) >= 0) {
            return null;
        }
        List<String> head;
        List<String> tail;
        if (dc >= 0) {
            head = groups(hex.substring(0, dc));
            tail = groups(hex.substring(dc + 2));
            if (head == null || tail == null || head.size() + tail.size() > groupsWanted - 1) {
                return null;
            }
        } else {
            head = groups(hex);
            tail = List.of();
            if (head == null || head.size() != groupsWanted) {
                return null;
            }
        }
        byte[] out = new byte[16];
        int i = 0;
        for (String g : head) {
            int v = Integer.parseInt(g, 16);
            out[i++] = (byte) (v >> 8);
            out[i++] = (byte) v;
        }
        i = groupsWanted * 2 - tail.size() * 2;
        for (String g : tail) {
            int v = Integer.parseInt(g, 16);
            out[i++] = (byte) (v >> 8);
            out[i++] = (byte) v;
        }
        if (tail4 != null) {
            System.arraycopy(tail4, 0, out, 12, 4);
        }
        return out;
    }

    /** Colon-separated groups of 1-4 hex digits; "" is no group; null when malformed. */
    private static List<String> groups(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] parts = text.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || !p.matches("[0-9A-Fa-f]+")) {
                return null;
            }
        }
        return List.of(parts);
    }
}
