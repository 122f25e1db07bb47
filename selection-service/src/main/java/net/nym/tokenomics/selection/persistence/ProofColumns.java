package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

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

    /** The decoded table. */
    public record Table(List<Candidate> candidates, SortedMap<NodeId, Layer> previousLayers) {
    }

    private ProofColumns() {
    }

    public static String encode(List<Candidate> candidates, SortedMap<NodeId, Layer> previousLayers) {
        int n = candidates.size();
        ColumnCodec.Sink out = new ColumnCodec.Sink(64 + n * 48);
        out.u8(LAYOUT);
        out.varint(n);
        ColumnCodec.StringTable owners = new ColumnCodec.StringTable();
        int[] ownerOf = new int[n];
        for (int i = 0; i < n; i++) {
            ownerOf[i] = owners.indexOf(candidates.get(i).owner());
        }
        owners.writeTo(out);
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
        return out.packed();
    }

    /** @throws IllegalArgumentException when the text is not a table of this layout (naming what is wrong) */
    public static Table decode(String base64) {
        ColumnCodec.Source in = ColumnCodec.Source.unpack(base64);
        int layout = in.u8();
        if (layout != LAYOUT) {
            throw new IllegalArgumentException("columns: layout " + layout + " is not supported (expected " + LAYOUT + ")");
        }
        int n = in.count("candidates");
        String[] owners = in.strings("owners");
        long[] ids = in.idColumn(n);
        String[] ownerOf = new String[n];
        for (int i = 0; i < n; i++) {
            ownerOf[i] = owners[in.index("owner", i, owners.length)];
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
        long[] previousIds = in.idColumn(m);
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
}
