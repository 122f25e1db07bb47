package net.nym.tokenomics.performance.application;

/**
 * A command was refused; nothing was stored. {@code message} is "field: reason" as the domain rejections word it,
 * {@code code} a stable machine-readable name, {@code kind} how the edge should answer.
 */
public final class CommandRejected extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE }

    private final Kind kind;
    private final String code;

    public CommandRejected(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The field named before the first ": " of the message, else "body". */
    public String field() {
        String m = getMessage();
        int i = m.indexOf(": ");
        return i > 0 ? m.substring(0, i) : "body";
    }

    public String reason() {
        String m = getMessage();
        int i = m.indexOf(": ");
        return i > 0 ? m.substring(i + 2) : m;
    }
}
