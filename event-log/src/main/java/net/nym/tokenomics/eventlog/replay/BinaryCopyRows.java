package net.nym.tokenomics.eventlog.replay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary {@code COPY} format (see the COPY documentation, "Binary Format"): each row is a 16-bit
 * field count, then per field a 32-bit length and the field's binary value, all big-endian. The server then parses no
 * text for numbers, UUIDs and timestamps, and there is no escaping to get wrong in JSON payloads.
 */
final class BinaryCopyRows {

    /** The file header: signature, flags (no OIDs), header extension length. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** The file trailer: a field count of -1. */
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    /** PostgreSQL's timestamp epoch, 2000-01-01T00:00:00Z, in microseconds after the Unix epoch. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    /** Version byte that starts a jsonb value in binary form; the text of the JSON follows. */
    private static final byte JSONB_VERSION = 1;

    private byte[] buf;
    private int size;
    private int rows;

    BinaryCopyRows(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    byte[] bytes() {
        return buf;
    }

    int size() {
        return size;
    }

    int rows() {
        return rows;
    }

    /** Appends the rows of another buffer. */
    void append(BinaryCopyRows other) {
        ensure(other.size);
        System.arraycopy(other.buf, 0, buf, size, other.size);
        size += other.size;
        rows += other.rows;
    }

    void clear() {
        size = 0;
        rows = 0;
    }

    BinaryCopyRows startRow(int fields) {
        ensure(2);
        putShort(fields);
        rows++;
        return this;
    }

    BinaryCopyRows uuid(UUID value) {
        ensure(20);
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    BinaryCopyRows int8(long value) {
        ensure(12);
        putInt(8);
        putLong(value);
        return this;
    }

    BinaryCopyRows int4(int value) {
        ensure(8);
        putInt(4);
        putInt(value);
        return this;
    }

    BinaryCopyRows text(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        ensure(4 + b.length);
        putInt(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    BinaryCopyRows jsonb(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ensure(5 + b.length);
        putInt(1 + b.length);
        buf[size++] = JSONB_VERSION;
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** A timestamptz: microseconds after 2000-01-01 UTC, sub-microsecond digits rounded half to even as PostgreSQL's text input does. */
    BinaryCopyRows timestamptz(Instant value) {
        return int8(pgMicros(value));
    }

    static long pgMicros(Instant value) {
        long micros = Math.multiplyExact(value.getEpochSecond(), 1_000_000L);
        int nanos = value.getNano();
        long whole = nanos / 1000;
        int rest = nanos % 1000;
        if (rest > 500 || (rest == 500 && (whole & 1) == 1)) {
            whole++;
        }
        return micros + whole - PG_EPOCH_MICROS;
    }

    private void putShort(int v) {
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void putInt(int v) {
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
