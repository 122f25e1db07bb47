package net.nym.tokenomics.performance.domain.version;

import java.util.Objects;
import java.util.Optional;

/**
 * A semantic version as the Rust {@code semver} crate parses it: {@code major.minor.patch}, an optional
 * {@code -prerelease} of dot-separated identifiers and an optional {@code +build}. Numbers and numeric pre-release
 * identifiers may not have leading zeros; identifiers are non-empty {@code [0-9A-Za-z-]}; no surrounding spaces,
 * no {@code v} prefix.
 *
 * <p>Ordering is SemVer 2.0 precedence: numbers, then a pre-release sorts before its release, identifiers compare
 * numerically when both are numeric, numeric before alphanumeric, otherwise ASCII; a shorter identifier list that is
 * a prefix of a longer one sorts first. Deliberate difference from Rust's {@code semver} crate: build metadata does
 * not take part in ordering or equality of precedence (the crate orders by it, which would make {@code 1.2.3+x}
 * "ahead" of release {@code 1.2.3} and earn a cheating penalty). {@link #toString()} keeps it, so the release-chain
 * string shortcut of B.4 still sees the exact text.
 */
public record Semver(long major, long minor, long patch, String prerelease, String build) implements Comparable<Semver> {

    public Semver {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("semver components must be non-negative");
        }
        Objects.requireNonNull(prerelease, "prerelease");
        Objects.requireNonNull(build, "build");
    }

    public static Semver of(long major, long minor, long patch) {
        return new Semver(major, minor, patch, "", "");
    }

    /** Parses or throws {@link InvalidSemverException} naming the rule that failed. */
    public static Semver parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSemverException(text, "empty version");
        }
        if (text.length() > 256) {
            throw new InvalidSemverException(text, "longer than 256 characters");
        }
        String rest = text;
        String build = "";
        int plus = rest.indexOf('+');
        if (plus >= 0) {
            build = rest.substring(plus + 1);
            rest = rest.substring(0, plus);
            checkIdentifiers(text, build, "build metadata", false);
        }
        String pre = "";
        int dash = rest.indexOf('-');
        if (dash >= 0) {
            pre = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
            checkIdentifiers(text, pre, "pre-release", true);
        }
        String[] numbers = rest.split("\\.", -1);
        if (numbers.length != 3) {
            throw new InvalidSemverException(text, "expected major.minor.patch");
        }
        return new Semver(number(text, numbers[0], "major"), number(text, numbers[1], "minor"),
                number(text, numbers[2], "patch"), pre, build);
    }

    /** Parses, or empty when the text is not a valid version. */
    public static Optional<Semver> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidSemverException e) {
            return Optional.empty();
        }
    }

    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    private static long number(String input, String part, String name) {
        if (part.isEmpty() || !allDigits(part)) {
            throw new InvalidSemverException(input, name + " is not a number");
        }
        if (part.length() > 1 && part.charAt(0) == '0') {
            throw new InvalidSemverException(input, name + " has a leading zero");
        }
        if (part.length() > 19) {
            throw new InvalidSemverException(input, name + " is too large");
        }
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new InvalidSemverException(input, name + " is too large");
        }
    }

    private static void checkIdentifiers(String input, String identifiers, String name, boolean numericLeadingZeroForbidden) {
        if (identifiers.isEmpty()) {
            throw new InvalidSemverException(input, "empty " + name);
        }
        for (String id : identifiers.split("\\.", -1)) {
            if (id.isEmpty()) {
                throw new InvalidSemverException(input, "empty identifier in " + name);
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                if (!ok) {
                    throw new InvalidSemverException(input, "invalid character '" + c + "' in " + name);
                }
            }
            if (numericLeadingZeroForbidden && id.length() > 1 && id.charAt(0) == '0' && allDigits(id)) {
                throw new InvalidSemverException(input, "leading zero in numeric " + name + " identifier");
            }
        }
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    @Override
    public int compareTo(Semver o) {
        int c = Long.compare(major, o.major);
        if (c != 0) {
            return c;
        }
        c = Long.compare(minor, o.minor);
        if (c != 0) {
            return c;
        }
        c = Long.compare(patch, o.patch);
        if (c != 0) {
            return c;
        }
        return comparePrerelease(prerelease, o.prerelease);
    }

    public boolean isGreaterThan(Semver o) {
        return compareTo(o) > 0;
    }

    private static int comparePrerelease(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        // A version without pre-release has higher precedence than any pre-release of it.
        if (a.isEmpty()) {
            return 1;
        }
        if (b.isEmpty()) {
            return -1;
        }
        String[] as = a.split("\\.");
        String[] bs = b.split("\\.");
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            int c = compareIdentifier(as[i], bs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(as.length, bs.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean an = allDigits(a);
        boolean bn = allDigits(b);
        if (an && bn) {
            // No leading zeros, so the longer digit string is the larger number; this also avoids overflow.
            int c = Integer.compare(a.length(), b.length());
            return c != 0 ? c : a.compareTo(b);
        }
        if (an) {
            return -1;
        }
        if (bn) {
            return 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(major).append('.').append(minor).append('.').append(patch);
        if (!prerelease.isEmpty()) {
            sb.append('-').append(prerelease);
        }
        if (!build.isEmpty()) {
            sb.append('+').append(build);
        }
        return sb.toString();
    }
}
