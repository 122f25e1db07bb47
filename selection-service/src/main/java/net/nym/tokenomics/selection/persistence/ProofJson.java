package net.nym.tokenomics.selection.persistence;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.selection.domain.selection.Candidate;
import net.nym.tokenomics.selection.domain.selection.DeclaredRoles;
import net.nym.tokenomics.selection.domain.selection.Digest;
import net.nym.tokenomics.selection.domain.selection.Layer;
import net.nym.tokenomics.selection.domain.selection.NodeId;
import net.nym.tokenomics.selection.domain.selection.RewardedSet;
import net.nym.tokenomics.selection.domain.selection.RewardedSetSizes;
import net.nym.tokenomics.selection.domain.selection.Seed;
import net.nym.tokenomics.selection.domain.selection.SeedInput;
import net.nym.tokenomics.selection.domain.selection.SelectionProof;
import net.nym.tokenomics.selection.domain.selection.Shortfall;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON form of a {@link SelectionProof}, an object per candidate: served by {@code GET /v1/epochs/{e}/selection-proof}
 * and read by the verifier. It is also the stored form of schema version 1 of {@code selection.RewardedSetSelected}
 * (logs written before the compact {@link ProofJsonV2}), so it must keep decoding exactly as it did. Written with
 * {@code Json.mapper()} (snake_case, sorted properties, decimals as strings). {@link #toDomain()} takes every field as
 * given, so a tampered proof is held as it is and the verifier names the difference.
 */
public record ProofJson(String format, long epochId, SeedInputJson seedInput, String seed, Sizes sizes,
                        Decimal stakeSaturationPoint, List<CandidateJson> candidates, List<PreviousLayer> previousLayers,
                        Lists result, Sizes shortfall, String digest) {

    /** {@code kind} is {@code hash_chain} (value = previous result digest) or {@code beacon} (value = beacon hex). */
    public record SeedInputJson(String kind, String value) {
        public static SeedInputJson of(SeedInput input) {
            return switch (input) {
                case SeedInput.Beacon b -> new SeedInputJson("beacon", b.hex());
                case SeedInput.HashChain h -> new SeedInputJson("hash_chain", h.previousResultDigest().hex());
            };
        }

        /** @throws IllegalArgumentException naming the field when it is missing or of an unknown kind */
        public static SeedInput toDomain(SeedInputJson json) {
            if (json == null || json.value() == null) {
                throw new IllegalArgumentException("seed_input: is required");
            }
            return switch (json.kind()) {
                case "beacon" -> new SeedInput.Beacon(json.value());
                case "hash_chain" -> new SeedInput.HashChain(new Digest(json.value()));
                case null, default -> throw new IllegalArgumentException("seed_input.kind: must be beacon or hash_chain, got "
                        + json.kind());
            };
        }
    }

    public record Sizes(int entryGateways, int exitGateways, int mixnodes, int standby) {
    }

    public record Roles(boolean mixnode, boolean entryGateway, boolean exitGateway) {
    }

    public record CandidateJson(long nodeId, String owner, Roles roles, Decimal stake, Decimal saturation,
                                Percent performance, Decimal weight) {
    }

    public record PreviousLayer(long nodeId, int layer) {
    }

    public record Lists(List<Long> entryGateways, List<Long> exitGateways, List<Long> layer1, List<Long> layer2,
                        List<Long> layer3, List<Long> standby) {
        public static Lists of(RewardedSet s) {
            return new Lists(ids(s.entryGateways()), ids(s.exitGateways()), ids(s.layer1()), ids(s.layer2()),
                    ids(s.layer3()), ids(s.standby()));
        }

        public RewardedSet toDomain() {
            return new RewardedSet(nodes(entryGateways), nodes(exitGateways), nodes(layer1), nodes(layer2), nodes(layer3),
                    nodes(standby));
        }
    }

    public static ProofJson of(SelectionProof p) {
        SeedInputJson seedInput = SeedInputJson.of(p.seedInput());
        List<CandidateJson> candidates = p.candidates().stream().map(c -> new CandidateJson(c.nodeId().value(), c.owner(),
                new Roles(c.roles().mixnode(), c.roles().entryGateway(), c.roles().exitGateway()), c.stake(),
                c.saturation(), c.performance(), c.weight())).toList();
        List<PreviousLayer> previous = p.previousLayers().entrySet().stream()
                .map(e -> new PreviousLayer(e.getKey().value(), e.getValue().number())).toList();
        Shortfall s = p.shortfall();
        return new ProofJson(SelectionProof.FORMAT, p.epochId(), seedInput, p.seed().hex(),
                new Sizes(p.sizes().entryGateways(), p.sizes().exitGateways(), p.sizes().mixnodes(), p.sizes().standby()),
                p.stakeSaturationPoint(), candidates, previous, Lists.of(p.result()),
                new Sizes(s.entryGateways(), s.exitGateways(), s.mixnodes(), s.standby()), p.digest().hex());
    }

    /** @throws IllegalArgumentException naming the field when the JSON cannot be a proof at all */
    public SelectionProof toDomain() {
        if (!SelectionProof.FORMAT.equals(format)) {
            throw new IllegalArgumentException("format: expected " + SelectionProof.FORMAT + ", got " + format);
        }
        SeedInput input = SeedInputJson.toDomain(seedInput);
        List<Candidate> cs = candidates.stream().map(c -> new Candidate(NodeId.of(c.nodeId()), c.owner(),
                new DeclaredRoles(c.roles().mixnode(), c.roles().entryGateway(), c.roles().exitGateway()), c.stake(),
                c.saturation(), c.performance(), c.weight())).toList();
        SortedMap<NodeId, Layer> previous = new TreeMap<>();
        for (PreviousLayer l : previousLayers) {
            if (l.layer() < 1 || l.layer() > 3) {
                throw new IllegalArgumentException("previous_layers: layer must be 1, 2 or 3, got " + l.layer());
            }
            previous.put(NodeId.of(l.nodeId()), Layer.ofIndex(l.layer() - 1));
        }
        return new SelectionProof(epochId, input, new Seed(seed),
                new RewardedSetSizes(sizes.entryGateways(), sizes.exitGateways(), sizes.mixnodes(), sizes.standby()),
                stakeSaturationPoint, cs, previous, result.toDomain(),
                new Shortfall(shortfall.entryGateways(), shortfall.exitGateways(), shortfall.mixnodes(), shortfall.standby()),
                new Digest(digest));
    }

    private static List<Long> ids(List<NodeId> ids) {
        return ids.stream().map(NodeId::value).toList();
    }

    private static List<NodeId> nodes(List<Long> ids) {
        return ids.stream().map(NodeId::of).toList();
    }
}
