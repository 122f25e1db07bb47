package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The primitives of the packed column tables ({@link ProofColumns}, {@link InputColumns}): unsigned LEB128 varints,
 * zigzag varints, decimals as a byte count (0..16) and the unsigned big-endian bytes of their atomics, and the zlib
 * (Huffman only) plus base64 wrapping. A {@link Source} checks every read against the table's end, so a damaged table
 * fails with a message naming the byte instead of giving other values.
 */
final class ColumnCodec {

    static final int MAX_DECIMAL_BYTES = 16;
    /** The count byte of an absent (null) decimal, where a column allows one. */
    static final int NULL_DECIMAL = 0xFF;

    private ColumnCodec() {
    }

    /** Distinct strings in order of first use, written as a table that rows refer to by index. */
    static final class StringTable {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> strings = new ArrayList<>();

        int indexOf(String s) {
            Integer i = index.get(s);
            if (i == null) {
                i = strings.size();
                index.put(s, i);
                strings.add(s);
            }
            return i;
        }

        void writeTo(Sink out) {
            out.varint(strings.size());
            for (String s : strings) {
                out.utf8(s);
            }
        }
    }

    static byte[] deflate(byte[] raw, int length) {
        // Huffman coding only: the table is mostly high-entropy decimals, where searching for repeats finds little.
        // At 100,000 candidates it gives 3.7 MB from 4.6 MB in about 27 ms, where level 1 gives 3.4 MB in 73 ms.
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        d.setStrategy(Deflater.HUFFMAN_ONLY);
        try {
            d.setInput(raw, 0, length);
            d.finish();
            byte[] out = new byte[length + length / 1000 + 64];
            int size = 0;
            while (!d.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                size += d.deflate(out, size, out.length - size);
            }
            return Arrays.copyOf(out, size);
        } finally {
            d.end();
        }
    }

    static byte[] inflate(byte[] compressed) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(compressed);
            byte[] out = new byte[Math.max(1024, compressed.length * 2)];
            int size = 0;
            while (!inf.finished()) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                int got = inf.inflate(out, size, out.length - size);
                if (got == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new IllegalArgumentException("columns: the zlib stream is truncated");
                }
                size += got;
            }
            if (inf.getRemaining() != 0) {
                throw new IllegalArgumentException("columns: " + inf.getRemaining() + " bytes after the zlib stream");
            }
            return Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("columns: damaged zlib stream: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    static final class Sink {
        byte[] buf;
        int size;

        Sink(int capacity) {
            buf = new byte[capacity];
        }

        private void room(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        void u8(int b) {
            room(1);
            buf[size++] = (byte) b;
        }

        void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        /** A string table entry: varint byte count, then the UTF-8 bytes. */
        void utf8(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            varint(utf8.length);
            bytes(utf8);
        }

        /** The raw IEEE 754 bits, big-endian: every double (NaN payloads, -0.0) comes back as it was. */
        void float64(double d) {
            long v = Double.doubleToRawLongBits(d);
            room(8);
            for (int i = 7; i >= 0; i--) {
                buf[size + i] = (byte) v;
                v >>>= 8;
            }
            size += 8;
        }

        void nullableDecimal(Decimal d) {
            if (d == null) {
                u8(NULL_DECIMAL);
            } else {
                decimal(d);
            }
        }

        /** The table, zlib-compressed and base64-encoded. */
        String packed() {
            return Base64.getEncoder().encodeToString(deflate(buf, size));
        }

        void decimal(Decimal d) {
            BigInteger a = d.atomics();
            int bits = a.bitLength();
            int length = (bits + 7) / 8;
            room(1 + length);
            buf[size++] = (byte) length;
            if (bits <= 64) {
                long v = a.longValue();
                for (int i = length - 1; i >= 0; i--) {
                    buf[size + i] = (byte) v;
                    v >>>= 8;
                }
            } else {
                // a Decimal is at most 128 bits: the low 64, then the rest, without a byte array of the BigInteger
                long lo = a.longValue();
                long hi = a.shiftRight(64).longValue();
                for (int i = length - 1; i >= length - 8; i--) {
                    buf[size + i] = (byte) lo;
                    lo >>>= 8;
                }
                for (int i = length - 9; i >= 0; i--) {
                    buf[size + i] = (byte) hi;
                    hi >>>= 8;
                }
            }
            size += length;
        }
    }

    static final class Source {
        private final byte[] buf;
        private int pos;

        Source(byte[] buf) {
            this.buf = buf;
        }

        /** The inverse of {@link Sink#packed()}. */
        static Source unpack(String base64) {
            byte[] compressed;
            try {
                compressed = Base64.getDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("columns: not base64: " + e.getMessage(), e);
            }
            return new Source(inflate(compressed));
        }

        /** A count written as count + 1, with 0 for an absent list: -1 then, else the count (bounded as by {@link #count}). */
        int nullableCount(String what) {
            long v = varint();
            if (v - 1 > buf.length - pos) {
                throw new IllegalArgumentException("columns: " + what + " " + (v - 1) + " exceeds the " + (buf.length - pos)
                        + " bytes left");
            }
            return (int) v - 1;
        }

        /** {@code n} node ids written as zigzag deltas, each from the previous one (the first from 0). */
        long[] idColumn(int n) {
            long[] ids = new long[n];
            long id = 0;
            for (int i = 0; i < n; i++) {
                id += zigzag();
                ids[i] = id;
            }
            return ids;
        }

        /** A table written by {@link StringTable#writeTo(Sink)}. */
        String[] strings(String what) {
            int k = count(what);
            String[] out = new String[k];
            for (int i = 0; i < k; i++) {
                out[i] = utf8(count(what + " length"));
            }
            return out;
        }

        /** A varint that indexes a table of {@code size} entries. */
        int index(String what, int row, int size) {
            long v = varint();
            if (v >= size) {
                throw new IllegalArgumentException("columns: row " + row + " has " + what + " index " + v + " of " + size);
            }
            return (int) v;
        }

        double float64() {
            if (8 > buf.length - pos) {
                throw new IllegalArgumentException("columns: the table ends early at byte " + pos);
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos + i] & 0xFF);
            }
            pos += 8;
            return Double.longBitsToDouble(v);
        }

        Decimal nullableDecimal() {
            if (pos < buf.length && (buf[pos] & 0xFF) == NULL_DECIMAL) {
                pos++;
                return null;
            }
            return decimal();
        }

        int u8() {
            if (pos >= buf.length) {
                throw new IllegalArgumentException("columns: the table ends early at byte " + pos);
            }
            return buf[pos++] & 0xFF;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("columns: varint longer than 64 bits at byte " + pos);
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        /** A count or length, bounded by what the rest of the table can hold, so a damaged count cannot exhaust memory. */
        int count(String what) {
            long v = varint();
            if (v > buf.length - pos) {
                throw new IllegalArgumentException("columns: " + what + " " + v + " exceeds the " + (buf.length - pos)
                        + " bytes left");
            }
            return (int) v;
        }

        String utf8(int length) {
            if (length > buf.length - pos) {
                throw new IllegalArgumentException("columns: the table ends early at byte " + pos);
            }
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, pos, length)).toString();
                pos += length;
                return s;
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("columns: string at byte " + pos + " is not UTF-8", e);
            }
        }

        Decimal decimal() {
            int length = u8();
            if (length > MAX_DECIMAL_BYTES) {
                throw new IllegalArgumentException("columns: decimal of " + length + " bytes at byte " + (pos - 1));
            }
            if (length > buf.length - pos) {
                throw new IllegalArgumentException("columns: the table ends early at byte " + pos);
            }
            if (length > 0 && buf[pos] == 0) {
                throw new IllegalArgumentException("columns: decimal with a leading zero byte at byte " + pos);
            }
            BigInteger atomics;
            if (length < 8) {
                long v = 0;
                for (int i = 0; i < length; i++) {
                    v = (v << 8) | (buf[pos + i] & 0xFF);
                }
                atomics = BigInteger.valueOf(v);
            } else {
                atomics = new BigInteger(1, buf, pos, length);
            }
            pos += length;
            return Decimal.ofAtomics(atomics);
        }

        void requireEnd() {
            if (pos != buf.length) {
                throw new IllegalArgumentException("columns: " + (buf.length - pos) + " bytes after the table");
            }
        }
    }
}
