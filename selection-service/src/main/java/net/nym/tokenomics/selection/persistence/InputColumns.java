package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodePerformance;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.NodeStake;
import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-node lists of the two bulky recorded inputs as packed column tables (the primitives of {@link ColumnCodec}),
 * so that a 100,000-node stake snapshot is recorded as one JSON string of about 2 MB instead of 8.5 MB of JSON objects,
 * which PostgreSQL parses into jsonb at about 40 MB/s. The packing is lossless: every field of every entry decodes to
 * the value the producer sent (nulls included), so the recorded input equals the consumed one.
 *
 * <p>Stake snapshot nodes ({@link #STAKES}); nullable string = varint (index + 1) into the table, 0 for null; nullable
 * decimal = byte 255 for null, else a decimal as in {@link ProofColumns}:
 * <pre>
 * u8 layout = 1
 * varint n                          nodes, in the snapshot's order
 * string table                      distinct owners (varint k, k × (varint len, UTF-8))
 * n × zigzag varint                 node id, as a delta from the previous one
 * n × varint                        owner: index + 1, or 0 for null
 * n × nullable decimal              operator
 * n × nullable decimal              delegates
 * n × nullable decimal              saturation
 * </pre>
 * Performance nodes ({@link #PERFORMANCE}):
 * <pre>
 * u8 layout = 1
 * varint n                          nodes, in the input's order
 * string table                      distinct reasons
 * n × zigzag varint                 node id, as a delta from the previous one
 * n × nullable decimal              performance (its value in [0, 1])
 * n × 8 bytes                       routing score, IEEE 754 bits big-endian
 * n × 8 bytes                       config score, likewise
 * n × zigzag varint                 measurement count
 * n × (varint c, c × varint)        reasons: c = count + 1 (0 for a null list), then indices into the table
 * </pre>
 */
public final class InputColumns {

    public static final String STAKES = "nym-selection-stake-columns-v1+zlib+base64";
    public static final String PERFORMANCE = "nym-selection-performance-columns-v1+zlib+base64";
    private static final int LAYOUT = 1;

    private InputColumns() {
    }

    public static String encodeStakes(List<NodeStake> nodes) {
        int n = nodes.size();
        ColumnCodec.Sink out = new ColumnCodec.Sink(64 + n * 40);
        out.u8(LAYOUT);
        out.varint(n);
        ColumnCodec.StringTable owners = new ColumnCodec.StringTable();
        int[] ownerOf = new int[n];
        for (int i = 0; i < n; i++) {
            String owner = nodes.get(i).owner();
            ownerOf[i] = owner == null ? 0 : owners.indexOf(owner) + 1;
        }
        owners.writeTo(out);
        long previousId = 0;
        for (NodeStake s : nodes) {
            out.zigzag(s.nodeId() - previousId);
            previousId = s.nodeId();
        }
        for (int i = 0; i < n; i++) {
            out.varint(ownerOf[i]);
        }
        for (NodeStake s : nodes) {
            out.nullableDecimal(s.operator());
        }
        for (NodeStake s : nodes) {
            out.nullableDecimal(s.delegates());
        }
        for (NodeStake s : nodes) {
            out.nullableDecimal(s.saturation());
        }
        return out.packed();
    }

    /** @throws IllegalArgumentException when the text is not a stake table of this layout (naming what is wrong) */
    public static List<NodeStake> decodeStakes(String base64) {
        ColumnCodec.Source in = ColumnCodec.Source.unpack(base64);
        layout(in);
        int n = in.count("nodes");
        String[] owners = in.strings("owners");
        long[] ids = in.idColumn(n);
        String[] ownerOf = new String[n];
        for (int i = 0; i < n; i++) {
            int index = in.index("owner", i, owners.length + 1);
            ownerOf[i] = index == 0 ? null : owners[index - 1];
        }
        Decimal[][] decimals = new Decimal[3][n];
        for (Decimal[] column : decimals) {
            for (int i = 0; i < n; i++) {
                column[i] = in.nullableDecimal();
            }
        }
        in.requireEnd();
        List<NodeStake> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nodes.add(new NodeStake(ids[i], ownerOf[i], decimals[0][i], decimals[1][i], decimals[2][i]));
        }
        return nodes;
    }

    public static String encodePerformance(List<NodePerformance> nodes) {
        int n = nodes.size();
        ColumnCodec.Sink out = new ColumnCodec.Sink(64 + n * 32);
        out.u8(LAYOUT);
        out.varint(n);
        ColumnCodec.StringTable reasons = new ColumnCodec.StringTable();
        int[][] reasonsOf = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> r = nodes.get(i).reasons();
            if (r != null) {
                reasonsOf[i] = new int[r.size()];
                for (int j = 0; j < r.size(); j++) {
                    reasonsOf[i][j] = reasons.indexOf(r.get(j));
                }
            }
        }
        reasons.writeTo(out);
        long previousId = 0;
        for (NodePerformance p : nodes) {
            out.zigzag(p.nodeId() - previousId);
            previousId = p.nodeId();
        }
        for (NodePerformance p : nodes) {
            out.nullableDecimal(p.performance() == null ? null : p.performance().value());
        }
        for (NodePerformance p : nodes) {
            out.float64(p.routingScore());
        }
        for (NodePerformance p : nodes) {
            out.float64(p.configScore());
        }
        for (NodePerformance p : nodes) {
            out.zigzag(p.measurementCount());
        }
        for (int[] r : reasonsOf) {
            if (r == null) {
                out.varint(0);
                continue;
            }
            out.varint(r.length + 1L);
            for (int index : r) {
                out.varint(index);
            }
        }
        return out.packed();
    }

    /** @throws IllegalArgumentException when the text is not a performance table of this layout (naming what is wrong) */
    public static List<NodePerformance> decodePerformance(String base64) {
        ColumnCodec.Source in = ColumnCodec.Source.unpack(base64);
        layout(in);
        int n = in.count("nodes");
        String[] reasons = in.strings("reasons");
        long[] ids = in.idColumn(n);
        Percent[] performance = new Percent[n];
        for (int i = 0; i < n; i++) {
            Decimal d = in.nullableDecimal();
            performance[i] = d == null ? null : Percent.of(d);
        }
        double[] routing = new double[n];
        for (int i = 0; i < n; i++) {
            routing[i] = in.float64();
        }
        double[] config = new double[n];
        for (int i = 0; i < n; i++) {
            config[i] = in.float64();
        }
        int[] measurements = new int[n];
        for (int i = 0; i < n; i++) {
            long m = in.zigzag();
            if (m != (int) m) {
                throw new IllegalArgumentException("columns: row " + i + " has measurement count " + m);
            }
            measurements[i] = (int) m;
        }
        List<NodePerformance> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = in.nullableCount("reason count");
            List<String> r = null;
            if (c >= 0) {
                String[] list = new String[c];
                for (int j = 0; j < list.length; j++) {
                    list[j] = reasons[in.index("reason", i, reasons.length)];
                }
                r = List.of(list);
            }
            nodes.add(new NodePerformance(ids[i], performance[i], routing[i], config[i], measurements[i], r));
        }
        in.requireEnd();
        return nodes;
    }

    private static void layout(ColumnCodec.Source in) {
        int layout = in.u8();
        if (layout != LAYOUT) {
            throw new IllegalArgumentException("columns: layout " + layout + " is not supported (expected " + LAYOUT + ")");
        }
    }
}
