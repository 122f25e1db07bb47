package net.nym.tokenomics.eventlog.encoding;

/** A text that is not Base58: names the first offending character and its 0-based position. */
public final class InvalidBase58Exception extends IllegalArgumentException {

    private final int position;
    private final char character;

    public InvalidBase58Exception(int position, char character) {
        super("invalid base58 character " + describe(character) + " at position " + position);
        this.position = position;
        this.character = character;
    }

    public int position() {
        return position;
    }

    public char character() {
        return character;
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
