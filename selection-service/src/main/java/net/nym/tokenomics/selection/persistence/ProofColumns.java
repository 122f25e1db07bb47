package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;

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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The bulky part of a stored proof (every candidate and the previous layers) as one canonical binary table, zlib
 * compressed and base64 encoded: {@link #ENCODING}. A 100,000-candidate proof is about 5 MB this way instead of 23 MB of
 * JSON objects, and PostgreSQL stores it as one JSON string instead of parsing 700,000 JSON values.
 *
 * <p>Layout before compression (varint = unsigned LEB128; zigzag varint = a signed delta from the previous node id of
 * the same list, starting at 0, so any order can be held and ascending lists cost one byte per id; decimal = varint
 * byte count 0..16, then the atomics (value × 10^18) as unsigned big-endian bytes without leading zeros; 0 has no
 * bytes). Columns, so that similar values sit together for the compressor:
 * <pre>
 * u8 layout = 1
 * varint n                       candidates
 * varint k, k × (varint len, UTF-8 bytes)   distinct owners, in order of first appearance among the candidates
 * n × zigzag varint              node id
 * n × varint                     owner index
 * n × u8                         roles: bit 0 mixnode, bit 1 entry gateway, bit 2 exit gateway
 * n × decimal                    stake
 * n × decimal                    saturation
 * n × decimal                    performance
 * n × decimal                    weight
 * varint m                       previous layers
 * m × zigzag varint              node id (ascending)
 * m × u8                         layer 1, 2 or 3
 * </pre>
 * The same candidates and layers always give the same table (the compressed bytes depend on the zlib build, which
 * nothing relies on: the digest is over the proof's canonical text). The zlib stream's Adler-32 makes a damaged blob
 * fail to decode; a well-formed but altered value decodes as it is, and {@code SelectionVerifier} names it (every value is
 * covered by the proof digest, which is computed over the proof's canonical text, not over these bytes).
 */
public final class ProofColumns {

    public static final String ENCODING = "nym-selection-proof-columns-v1+zlib+base64";
    private static final int LAYOUT = 1;
    private static final int MAX_DECIMAL_BYTES = 16;

    /** The decoded table. */
    public record Table(List<Candidate> candidates, SortedMap<NodeId, Layer> previousLayers) {
    }

    private ProofColumns() {
    }

    public static String encode(List<Candidate> candidates, SortedMap<NodeId, Layer> previousLayers) {
        int n = candidates.size();
        Sink out = new Sink(64 + n * 48);
        out.u8(LAYOUT);
        out.varint(n);
        Map<String, Integer> ownerIndex = new HashMap<>();
        List<String> owners = new ArrayList<>();
        int[] ownerOf = new int[n];
        for (int i = 0; i < n; i++) {
            String owner = candidates.get(i).owner();
            Integer index = ownerIndex.get(owner);
            if (index == null) {
                index = owners.size();
                ownerIndex.put(owner, index);
                owners.add(owner);
            }
            ownerOf[i] = index;
        }
        out.varint(owners.size());
        for (String owner : owners) {
            byte[] utf8 = owner.getBytes(StandardCharsets.UTF_8);
            out.varint(utf8.length);
            out.bytes(utf8);
        }
        long previousId = 0;
        for (Candidate c : candidates) {
            out.zigzag(c.nodeId().value() - previousId);
            previousId = c.nodeId().value();
        }
        for (int i = 0; i < n; i++) {
            out.varint(ownerOf[i]);
        }
        for (Candidate c : candidates) {
            DeclaredRoles r = c.roles();
            out.u8((r.mixnode() ? 1 : 0) | (r.entryGateway() ? 2 : 0) | (r.exitGateway() ? 4 : 0));
        }
        for (Candidate c : candidates) {
            out.decimal(c.stake());
        }
        for (Candidate c : candidates) {
            out.decimal(c.saturation());
        }
        for (Candidate c : candidates) {
            out.decimal(c.performance().value());
        }
        for (Candidate c : candidates) {
            out.decimal(c.weight());
        }
        out.varint(previousLayers.size());
        previousId = 0;
        for (NodeId id : previousLayers.keySet()) {
            out.zigzag(id.value() - previousId);
            previousId = id.value();
        }
        for (Layer l : previousLayers.values()) {
            out.u8(l.number());
        }
        return Base64.getEncoder().encodeToString(deflate(out.buf, out.size));
    }

    /** @throws IllegalArgumentException when the text is not a table of this layout (naming what is wrong) */
    public static Table decode(String base64) {
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("columns: not base64: " + e.getMessage(), e);
        }
        Source in = new Source(inflate(compressed));
        int layout = in.u8();
        if (layout != LAYOUT) {
            throw new IllegalArgumentException("columns: layout " + layout + " is not supported (expected " + LAYOUT + ")");
        }
        int n = in.count("candidates");
        int k = in.count("owners");
        String[] owners = new String[k];
        for (int i = 0; i < k; i++) {
            owners[i] = in.utf8(in.count("owner length"));
        }
        long[] ids = new long[n];
        long id = 0;
        for (int i = 0; i < n; i++) {
            id += in.zigzag();
            ids[i] = id;
        }
        String[] ownerOf = new String[n];
        for (int i = 0; i < n; i++) {
            long index = in.varint();
            if (index >= k) {
                throw new IllegalArgumentException("columns: candidate " + i + " has owner index " + index + " of " + k);
            }
            ownerOf[i] = owners[(int) index];
        }
        DeclaredRoles[] roles = new DeclaredRoles[n];
        DeclaredRoles[] byBits = new DeclaredRoles[8];
        for (int bits = 0; bits < 8; bits++) {
            byBits[bits] = new DeclaredRoles((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
        }
        for (int i = 0; i < n; i++) {
            int bits = in.u8();
            if (bits > 7) {
                throw new IllegalArgumentException("columns: candidate " + i + " has roles byte " + bits);
            }
            roles[i] = byBits[bits];
        }
        Decimal[][] decimals = new Decimal[4][n];
        for (Decimal[] column : decimals) {
            for (int i = 0; i < n; i++) {
                column[i] = in.decimal();
            }
        }
        List<Candidate> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            candidates.add(new Candidate(NodeId.of(ids[i]), ownerOf[i], roles[i], decimals[0][i], decimals[1][i],
                    Percent.of(decimals[2][i]), decimals[3][i]));
        }
        int m = in.count("previous layers");
        long[] previousIds = new long[m];
        id = 0;
        for (int i = 0; i < m; i++) {
            id += in.zigzag();
            previousIds[i] = id;
        }
        SortedMap<NodeId, Layer> previous = new TreeMap<>();
        for (int i = 0; i < m; i++) {
            int layer = in.u8();
            if (layer < 1 || layer > 3) {
                throw new IllegalArgumentException("columns: previous layer " + i + " is " + layer + ", not 1, 2 or 3");
            }
            if (previous.put(NodeId.of(previousIds[i]), Layer.ofIndex(layer - 1)) != null) {
                throw new IllegalArgumentException("columns: node " + previousIds[i] + " has two previous layers");
            }
        }
        in.requireEnd();
        return new Table(candidates, previous);
    }

    private static byte[] deflate(byte[] raw, int length) {
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

    private static byte[] inflate(byte[] compressed) {
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

    private static final class Sink {
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

        void decimal(Decimal d) {
            BigInteger a = d.atomics();
            int bits = a.bitLength();
            int length = (bits + 7) / 8;
            room(1 + length);
            buf[size++] = (byte) length;
            if (bits < 64) {
                long v = a.longValue();
                for (int i = length - 1; i >= 0; i--) {
                    buf[size + i] = (byte) v;
                    v >>>= 8;
                }
            } else {
                byte[] twos = a.toByteArray(); // minimal two's complement: at most one leading zero byte for the sign
                System.arraycopy(twos, twos.length - length, buf, size, length);
            }
            size += length;
        }
    }

    private static final class Source {
        private final byte[] buf;
        private int pos;

        Source(byte[] buf) {
            this.buf = buf;
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
                throw new IllegalArgumentException("columns: owner at byte " + pos + " is not UTF-8", e);
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
