package net.nym.tokenomics.eventlog.encoding;

/**
 * A Base58 text longer than the longest legitimate value its reader accepts, refused before any decoding work
 * (decoding costs the square of the length), or one that decodes to more bytes than that value has.
 */
public final class Base58TooLongException extends IllegalArgumentException {

    private final int length;
    private final int maxLength;
    private final int maxBytes;

    Base58TooLongException(String message, int length, int maxLength, int maxBytes) {
        super(message);
        this.length = length;
        this.maxLength = maxLength;
        this.maxBytes = maxBytes;
    }

    /** The length of the refused text, in characters. */
    public int length() {
        return length;
    }

    /** The longest text the reader accepts: {@link Base58#maxEncodedLength} of {@link #maxBytes}. */
    public int maxLength() {
        return maxLength;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
