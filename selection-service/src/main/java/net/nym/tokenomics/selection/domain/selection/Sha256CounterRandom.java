package net.nym.tokenomics.selection.domain.selection;

import java.security.MessageDigest;

/**
 * "SHA-256 counter mode", the project's deterministic random stream. Identical on every JVM and easy to
 * re-implement, because it uses only SHA-256 and integer arithmetic.
 *
 * <p>Specification:
 * <ol>
 *   <li>Block {@code i} (i = 0, 1, 2, ...) is {@code SHA-256(seed_bytes || u64_be(i))}: the seed's raw bytes followed
 *       by the counter as 8 bytes big-endian. Each block holds 32 bytes.</li>
 *   <li>{@link #nextLong()} takes the next 8 unread bytes of the concatenated blocks
 *       {@code block_0 || block_1 || ...} and reads them as an unsigned 64-bit big-endian integer. A block yields 4
 *       values; no byte is used twice or skipped.</li>
 *   <li>{@link #nextDouble()} = {@code (nextLong() >>> 11) * 2^-53}: the top 53 bits, a uniform double in [0, 1).
 *       The multiplication by a power of two is exact.</li>
 *   <li>{@link #nextInt(int) nextInt(n)} (n &ge; 1) = uniform in [0, n) by rejection: {@code r = nextLong() >>> 1}
 *       (63 bits); with {@code rem = 2^63 mod n}, {@code r} is rejected and redrawn while {@code r > 2^63 - 1 - rem};
 *       otherwise the result is {@code r mod n}. Every call consumes at least one value, also for n = 1.</li>
 * </ol>
 * Test vectors: {@code Sha256CounterRandomTest}.
 */
public final class Sha256CounterRandom {

    private final byte[] seed;
    private final MessageDigest sha256 = Digest.newSha256();
    private byte[] block = new byte[32];
    /** Next unread byte of {@code block}; at its end, the next block is hashed. */
    private int next = block.length;
    private long counter;

    public Sha256CounterRandom(Seed seed) {
        this.seed = seed.bytes();
    }

    /** The next 8 bytes of the stream, big-endian. */
    public long nextLong() {
        if (next == block.length) {
            sha256.update(seed);
            sha256.update(Digest.u64be(counter++));
            block = sha256.digest();
            next = 0;
        }
        long v = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            v = (v << 8) | (block[next++] & 0xFF);
        }
        return v;
    }

    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long rem = Long.remainderUnsigned(Long.MIN_VALUE, bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r <= Long.MAX_VALUE - rem) {
                return (int) (r % bound);
            }
        }
    }
}
