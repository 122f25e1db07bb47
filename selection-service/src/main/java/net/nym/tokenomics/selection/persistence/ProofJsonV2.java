package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.selection.domain.selection.Digest;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.Seed;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.Shortfall;

/**
 * The stored form of a {@link SelectionProof} since schema version 2 of {@code selection.RewardedSetSelected}: the
 * same fields as {@link ProofJson}, but the candidates and the previous layers are one {@link ProofColumns} string
 * ({@code columns}, in the form {@code encoding} names) instead of a JSON object per entry. The small fields stay plain
 * JSON so that the seed, the result and the digest can be read without unpacking the table.
 *
 * <p>{@code format} is still the proof's canonical-text format ({@link SelectionProof#FORMAT}): the digest is computed
 * exactly as for a v1 proof, so the same proof has the same digest whichever form stored it. {@code candidate_count}
 * and {@code previous_layer_count} must match the table. {@link #toDomain()} takes every value as given, as
 * {@link ProofJson#toDomain()} does, so a tampered proof is held as it is and the verifier names the difference.
 */
public record ProofJsonV2(String format, String encoding, long epochId, ProofJson.SeedInputJson seedInput, String seed,
                          ProofJson.Sizes sizes, Decimal stakeSaturationPoint, int candidateCount, int previousLayerCount,
                          String columns, ProofJson.Lists result, ProofJson.Sizes shortfall, String digest) {

    public static ProofJsonV2 of(SelectionProof p) {
        return of(p, ProofColumns.encode(p.candidates(), p.previousLayers()));
    }

    /** @param columns {@code ProofColumns.encode(p.candidates(), p.previousLayers())}, computed by the caller */
    public static ProofJsonV2 of(SelectionProof p, String columns) {
        ProofJson.Sizes sizes = new ProofJson.Sizes(p.sizes().entryGateways(), p.sizes().exitGateways(), p.sizes().mixnodes(),
                p.sizes().standby());
        Shortfall s = p.shortfall();
        return new ProofJsonV2(SelectionProof.FORMAT, ProofColumns.ENCODING, p.epochId(), ProofJson.SeedInputJson.of(p.seedInput()),
                p.seed().hex(), sizes, p.stakeSaturationPoint(), p.candidates().size(), p.previousLayers().size(),
                columns, ProofJson.Lists.of(p.result()),
                new ProofJson.Sizes(s.entryGateways(), s.exitGateways(), s.mixnodes(), s.standby()), p.digest().hex());
    }

    /** @throws IllegalArgumentException naming the field when the JSON cannot be a proof at all */
    public SelectionProof toDomain() {
        if (!SelectionProof.FORMAT.equals(format)) {
            throw new IllegalArgumentException("format: expected " + SelectionProof.FORMAT + ", got " + format);
        }
        if (!ProofColumns.ENCODING.equals(encoding)) {
            throw new IllegalArgumentException("encoding: expected " + ProofColumns.ENCODING + ", got " + encoding);
        }
        if (columns == null || sizes == null || result == null || shortfall == null) {
            throw new IllegalArgumentException("columns, sizes, result and shortfall are required");
        }
        ProofColumns.Table table = ProofColumns.decode(columns);
        if (table.candidates().size() != candidateCount) {
            throw new IllegalArgumentException("candidate_count: " + candidateCount + ", but the columns hold "
                    + table.candidates().size());
        }
        if (table.previousLayers().size() != previousLayerCount) {
            throw new IllegalArgumentException("previous_layer_count: " + previousLayerCount + ", but the columns hold "
                    + table.previousLayers().size());
        }
        return new SelectionProof(epochId, ProofJson.SeedInputJson.toDomain(seedInput), new Seed(seed),
                new RewardedSetSizes(sizes.entryGateways(), sizes.exitGateways(), sizes.mixnodes(), sizes.standby()),
                stakeSaturationPoint, table.candidates(), table.previousLayers(), result.toDomain(),
                new Shortfall(shortfall.entryGateways(), shortfall.exitGateways(), shortfall.mixnodes(), shortfall.standby()),
                new Digest(digest));
    }
}
