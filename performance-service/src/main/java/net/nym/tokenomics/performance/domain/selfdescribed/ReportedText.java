package net.nym.tokenomics.performance.domain.selfdescribed;

/**
 * Text a node reports about itself (build version, binary name) and the prober's reasons, made safe to store and
 * publish: bounded in length and free of characters PostgreSQL or a reader cannot take. A replaced or cut value is
 * visibly different from anything the node could have meant, so sanitizing never turns an invalid version valid.
 */
public final class ReportedText {

    public static final int MAX_BUILD_VERSION = 128;
    public static final int MAX_BINARY_NAME = 128;
    public static final int MAX_REASON = 512;

    private static final int REPLACEMENT = 0xFFFD;
    private static final String CUT = "\u2026";

    private ReportedText() {
    }

    /**
     * Replaces control characters (NUL included), format characters (bidi overrides, zero-width) and lone surrogates
     * with U+FFFD, and cuts text longer than {@code max} code points to {@code max - 1} of them followed by "…".
     */
    public static String sanitize(String text, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (count == max - 1 && i < text.length()) {
                out.append(CUT);
                return out.toString();
            }
            out.appendCodePoint(allowed(cp) ? cp : REPLACEMENT);
            count++;
        }
        return out.toString();
    }

    private static boolean allowed(int cp) {
        int type = Character.getType(cp);
        return !Character.isISOControl(cp) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}
