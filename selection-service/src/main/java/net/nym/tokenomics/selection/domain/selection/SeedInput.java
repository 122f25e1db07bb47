package net.nym.tokenomics.selection.domain.selection;

import java.nio.charset.StandardCharsets;

/**
 * Where an epoch's seed comes from (DESIGN §6, ADR on seed derivation). {@link #seedFor(long)} is a pure function of
 * the input and the epoch id, so a verifier recomputes the seed from the proof alone.
 */
public sealed interface SeedInput {

    /** Domain-separation tag of the hash chain, ASCII, no terminator. */
    String HASH_CHAIN_TAG = "nym-selection-seed-v1";

    Seed seedFor(long epochId);

    /** The canonical text of this input in the proof encoding. */
    String canonical();

    /**
     * A configured randomness-beacon value for the epoch (e.g. the randomness of a drand round, as hex). The seed is
     * the beacon's bytes, unchanged.
     */
    record Beacon(String hex) implements SeedInput {
        public Beacon {
            hex = new Seed(hex).hex();
        }

        @Override
        public Seed seedFor(long epochId) {
            return new Seed(hex);
        }

        @Override
        public String canonical() {
            return "beacon:" + hex;
        }
    }

    /**
     * No beacon: {@code seed = SHA-256( ASCII("nym-selection-seed-v1") || u64_be(epoch_id) || previous_result_digest )}
     * where {@code previous_result_digest} is the 32-byte {@link SelectionProof#digest()} published for the previous
     * epoch ({@link Digest#ZERO} for the first epoch).
     */
    record HashChain(Digest previousResultDigest) implements SeedInput {
        @Override
        public Seed seedFor(long epochId) {
            byte[] epoch = Digest.u64be(epochId);
            return Seed.of(Digest.sha256(HASH_CHAIN_TAG.getBytes(StandardCharsets.US_ASCII), epoch,
                    previousResultDigest.bytes()).bytes());
        }

        @Override
        public String canonical() {
            return "hash_chain:" + previousResultDigest.hex();
        }
    }
}
