package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Everything needed to recompute one epoch's rewarded set, and the result, sealed by a digest.
 *
 * <p>{@link #digest()} = SHA-256 over the UTF-8 bytes of {@link #canonicalText()}, a line-oriented text (each line
 * ends with {@code \n}; decimals in the contract's trimmed plain form; node ids in decimal; lists comma-separated
 * with no spaces, empty list = empty string):
 * <pre>
 * nym-selection-proof-v1
 * epoch=&lt;epoch id&gt;
 * seed_input=beacon:&lt;hex&gt; | hash_chain:&lt;previous result digest hex&gt;
 * seed=&lt;lowercase hex&gt;
 * sizes=&lt;entry&gt;,&lt;exit&gt;,&lt;mixnodes&gt;,&lt;standby&gt;
 * stake_saturation_point=&lt;decimal&gt;
 * candidates=&lt;count&gt;
 * candidate=&lt;node id&gt;,&lt;roles M/E/X or -, 3 chars&gt;,&lt;owner length in UTF-8 bytes&gt;:&lt;owner&gt;,&lt;stake&gt;,&lt;saturation&gt;,&lt;performance&gt;,&lt;weight&gt;
 *   (one line per candidate, in list order)
 * previous_layers=&lt;count&gt;
 * previous_layer=&lt;node id&gt;,&lt;1|2|3&gt;   (ascending node id)
 * entry_gateways=&lt;ids&gt;
 * exit_gateways=&lt;ids&gt;
 * layer1=&lt;ids&gt;
 * layer2=&lt;ids&gt;
 * layer3=&lt;ids&gt;
 * standby=&lt;ids&gt;
 * shortfall=&lt;entry&gt;,&lt;exit&gt;,&lt;mixnodes&gt;,&lt;standby&gt;
 * </pre>
 * The owner is length-prefixed so that no character in it can forge a field boundary.
 *
 * @param previousLayers the previous epoch's layers of those candidates that were mixnodes then
 */
public record SelectionProof(long epochId, SeedInput seedInput, Seed seed, RewardedSetSizes sizes,
                             Decimal stakeSaturationPoint, List<Candidate> candidates,
                             SortedMap<NodeId, Layer> previousLayers, RewardedSet result, Shortfall shortfall,
                             Digest digest) {

    public static final String FORMAT = "nym-selection-proof-v1";

    public SelectionProof {
        candidates = List.copyOf(candidates);
        previousLayers = Collections.unmodifiableSortedMap(new TreeMap<>(previousLayers));
    }

    /** Derives the seed, draws the set and seals the proof. Candidates must be ascending by node id. */
    public static SelectionProof select(long epochId, SeedInput seedInput, RewardedSetSizes sizes,
                                        Decimal stakeSaturationPoint, List<Candidate> candidates,
                                        Map<NodeId, Layer> previousLayers) {
        Seed seed = seedInput.seedFor(epochId);
        SortedMap<NodeId, Layer> relevant = relevantLayers(candidates, previousLayers);
        // Everything the canonical text holds before the result is known before the draw (about 12 MB of it at
        // 100,000 candidates): it is hashed on a second thread while this one draws, and the digest is then finished
        // with the result. The bytes and their order are those of computeDigest(), so the digest is the same.
        SelectionProof inputsOnly = new SelectionProof(epochId, seedInput, seed, sizes, stakeSaturationPoint, candidates,
                relevant, RewardedSet.EMPTY, Shortfall.NONE, Digest.ZERO);
        FutureTask<MessageDigest> prefix = new FutureTask<>(() -> {
            MessageDigest sha256 = Digest.newSha256();
            CanonicalWriter w = new CanonicalWriter(sha256::update);
            inputsOnly.writeInputs(w);
            w.flush();
            return sha256;
        });
        Thread.ofVirtual().name("selection-proof-digest-" + epochId).start(prefix);
        RewardedSetSelection.Outcome outcome;
        try {
            outcome = RewardedSetSelection.select(seed, sizes, inputsOnly.candidates(), relevant);
        } catch (RuntimeException | Error e) {
            prefix.cancel(true);
            throw e;
        }
        SelectionProof unsealed = new SelectionProof(epochId, seedInput, seed, sizes, stakeSaturationPoint,
                inputsOnly.candidates(), inputsOnly.previousLayers(), outcome.rewardedSet(), outcome.shortfall(), Digest.ZERO);
        MessageDigest sha256 = joined(prefix);
        CanonicalWriter w = new CanonicalWriter(sha256::update);
        unsealed.writeResult(w);
        w.flush();
        return unsealed.withDigest(new Digest(HexFormat.of().formatHex(sha256.digest())));
    }

    /** The previous layers a proof holds: those of the candidates that were mixnodes in the previous epoch. */
    public static SortedMap<NodeId, Layer> relevantLayers(List<Candidate> candidates, Map<NodeId, Layer> previousLayers) {
        SortedMap<NodeId, Layer> relevant = new TreeMap<>();
        for (Candidate c : candidates) {
            Layer l = previousLayers.get(c.nodeId());
            if (l != null) {
                relevant.put(c.nodeId(), l);
            }
        }
        return relevant;
    }

    private static MessageDigest joined(FutureTask<MessageDigest> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the hash is needed: finish waiting, then restore the flag
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public SelectionProof withDigest(Digest newDigest) {
        return new SelectionProof(epochId, seedInput, seed, sizes, stakeSaturationPoint, candidates, previousLayers,
                result, shortfall, newDigest);
    }

    public Digest computeDigest() {
        MessageDigest sha256 = Digest.newSha256();
        writeCanonical(new CanonicalWriter(sha256::update));
        return new Digest(HexFormat.of().formatHex(sha256.digest()));
    }

    /** The text the digest is computed over (its UTF-8 bytes are exactly what is hashed). */
    public String canonicalText() {
        ByteSink out = new ByteSink(256 + candidates.size() * 128);
        writeCanonical(new CanonicalWriter(out));
        return out.toString(StandardCharsets.UTF_8);
    }

    // The text is written as bytes straight into the digest, not built as a String first: at 100,000 candidates it is
    // about 12 MB, and building, copying and encoding it was most of the time of a selection.
    private void writeCanonical(CanonicalWriter w) {
        writeInputs(w);
        writeResult(w);
        w.flush();
    }

    /** The lines before the result: the seed, sizes and every candidate and previous layer. */
    private void writeInputs(CanonicalWriter w) {
        w.ascii(FORMAT).newline();
        w.ascii("epoch=").number(epochId).newline();
        w.ascii("seed_input=").ascii(seedInput.canonical()).newline();
        w.ascii("seed=").ascii(seed.hex()).newline();
        w.ascii("sizes=").number(sizes.entryGateways()).comma().number(sizes.exitGateways()).comma()
                .number(sizes.mixnodes()).comma().number(sizes.standby()).newline();
        w.ascii("stake_saturation_point=").decimal(stakeSaturationPoint).newline();
        w.ascii("candidates=").number(candidates.size()).newline();
        for (Candidate c : candidates) {
            byte[] owner = c.owner().getBytes(StandardCharsets.UTF_8);
            w.ascii("candidate=").number(c.nodeId().value()).comma().ascii(c.roles().code()).comma()
                    .number(owner.length).ascii(":").bytes(owner).comma()
                    .decimal(c.stake()).comma().decimal(c.saturation()).comma().decimal(c.performance().value()).comma()
                    .decimal(c.weight()).newline();
        }
        w.ascii("previous_layers=").number(previousLayers.size()).newline();
        previousLayers.forEach((id, layer) -> w.ascii("previous_layer=").number(id.value()).comma().number(layer.number())
                .newline());
    }

    /** The result's lines and the shortfall. */
    private void writeResult(CanonicalWriter w) {
        result.named().forEach((name, ids) -> {
            w.ascii(name).ascii("=");
            for (int i = 0; i < ids.size(); i++) {
                if (i > 0) {
                    w.comma();
                }
                w.number(ids.get(i).value());
            }
            w.newline();
        });
        w.ascii("shortfall=").number(shortfall.entryGateways()).comma().number(shortfall.exitGateways()).comma()
                .number(shortfall.mixnodes()).comma().number(shortfall.standby()).newline();
    }

    /** Appends {@link Decimal#toString()} to {@code b}, as the canonical text writes it (for tests). */
    static StringBuilder decimal(StringBuilder b, Decimal d) {
        ByteSink out = new ByteSink(64);
        CanonicalWriter w = new CanonicalWriter(out);
        w.decimal(d).flush();
        return b.append(out.toString(StandardCharsets.US_ASCII));
    }

    /** The canonical text's bytes kept in memory (a chunk may end inside a multi-byte owner character). */
    private static final class ByteSink implements CanonicalWriter.Chunks {
        private byte[] bytes;
        private int length;

        ByteSink(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void accept(byte[] chunk, int offset, int n) {
            if (length + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
            System.arraycopy(chunk, offset, bytes, length, n);
            length += n;
        }

        String toString(java.nio.charset.Charset charset) {
            return new String(bytes, 0, length, charset);
        }
    }

    /** Buffered bytes of the canonical text, handed on in chunks. */
    private static final class CanonicalWriter {

        interface Chunks {
            void accept(byte[] bytes, int offset, int length);
        }

        private static final long SCALE = 1_000_000_000_000_000_000L;
        private final Chunks out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;

        CanonicalWriter(Chunks out) {
            this.out = out;
        }

        private void room(int n) {
            if (pos + n > buf.length) {
                flush();
            }
        }

        void flush() {
            if (pos > 0) {
                out.accept(buf, 0, pos);
                pos = 0;
            }
        }

        /** Text known to be ASCII: labels, hex, the roles code, the seed input's canonical form. */
        CanonicalWriter ascii(String s) {
            if (s.length() > buf.length) {
                return bytes(s.getBytes(StandardCharsets.UTF_8));
            }
            room(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
            return this;
        }

        CanonicalWriter bytes(byte[] b) {
            if (b.length > buf.length) {
                flush();
                out.accept(b, 0, b.length);
                return this;
            }
            room(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return this;
        }

        CanonicalWriter comma() {
            room(1);
            buf[pos++] = ',';
            return this;
        }

        CanonicalWriter newline() {
            room(1);
            buf[pos++] = '\n';
            return this;
        }

        /** {@link Long#toString(long)}. */
        CanonicalWriter number(long v) {
            if (v < 0) {
                return ascii(Long.toString(v));
            }
            return digits(v, digitCount(v));
        }

        /** The decimal digits of {@code v >= 0}, left-padded with zeros to {@code width}. */
        private CanonicalWriter digits(long v, int width) {
            room(width);
            for (int i = pos + width - 1; i >= pos; i--) {
                buf[i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            pos += width;
            return this;
        }

        private static int digitCount(long v) {
            int n = 1;
            while (v >= 10) {
                v /= 10;
                n++;
            }
            return n;
        }

        /**
         * {@link Decimal#toString()}: the integer part, then, unless it is 0, the fraction without trailing zeros.
         * Values below 2^63 atomics are formatted in longs (four per candidate; BigInteger's division was slow).
         */
        CanonicalWriter decimal(Decimal d) {
            if (d.atomics().bitLength() >= 63) {
                return ascii(d.toString());
            }
            long atomics = d.atomics().longValue();
            number(atomics / SCALE);
            long fraction = atomics % SCALE;
            if (fraction == 0) {
                return this;
            }
            int places = 18;
            while (fraction % 10 == 0) {
                fraction /= 10;
                places--;
            }
            room(1);
            buf[pos++] = '.';
            return digits(fraction, places);
        }
    }
}
