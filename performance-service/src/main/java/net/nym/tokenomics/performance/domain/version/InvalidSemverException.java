package net.nym.tokenomics.performance.domain.version;

/** A version string that is not {@code major.minor.patch[-prerelease][+build]}; {@link #reason()} says which rule failed. */
public final class InvalidSemverException extends IllegalArgumentException {

    private final String input;
    private final String reason;

    public InvalidSemverException(String input, String reason) {
        super("invalid semver '" + abbreviate(input) + "': " + reason);
        this.input = input;
        this.reason = reason;
    }

    public String input() {
        return input;
    }

    public String reason() {
        return reason;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
