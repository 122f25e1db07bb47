package net.nym.tokenomics.selection.domain.selection;

import net.nym.tokenomics.eventlog.decimal.Decimal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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
        SortedMap<NodeId, Layer> relevant = new TreeMap<>();
        for (Candidate c : candidates) {
            Layer l = previousLayers.get(c.nodeId());
            if (l != null) {
                relevant.put(c.nodeId(), l);
            }
        }
        RewardedSetSelection.Outcome outcome = RewardedSetSelection.select(seed, sizes, candidates, relevant);
        SelectionProof unsealed = new SelectionProof(epochId, seedInput, seed, sizes, stakeSaturationPoint, candidates,
                relevant, outcome.rewardedSet(), outcome.shortfall(), Digest.ZERO);
        return unsealed.withDigest(unsealed.computeDigest());
    }

    public SelectionProof withDigest(Digest newDigest) {
        return new SelectionProof(epochId, seedInput, seed, sizes, stakeSaturationPoint, candidates, previousLayers,
                result, shortfall, newDigest);
    }

    public Digest computeDigest() {
        return Digest.sha256(canonicalText());
    }

    public String canonicalText() {
        StringBuilder b = new StringBuilder(128 + candidates.size() * 96);
        line(b, FORMAT);
        line(b, "epoch=" + epochId);
        line(b, "seed_input=" + seedInput.canonical());
        line(b, "seed=" + seed.hex());
        line(b, "sizes=" + sizes.entryGateways() + "," + sizes.exitGateways() + "," + sizes.mixnodes() + "," + sizes.standby());
        line(b, "stake_saturation_point=" + stakeSaturationPoint);
        line(b, "candidates=" + candidates.size());
        for (Candidate c : candidates) {
            int ownerBytes = c.owner().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            line(b, "candidate=" + c.nodeId() + "," + c.roles().code() + "," + ownerBytes + ":" + c.owner() + ","
                    + c.stake() + "," + c.saturation() + "," + c.performance() + "," + c.weight());
        }
        line(b, "previous_layers=" + previousLayers.size());
        previousLayers.forEach((id, layer) -> line(b, "previous_layer=" + id + "," + layer.number()));
        result.named().forEach((name, ids) -> line(b, name + "=" + String.join(",", ids.stream().map(NodeId::toString).toList())));
        line(b, "shortfall=" + shortfall.entryGateways() + "," + shortfall.exitGateways() + "," + shortfall.mixnodes()
                + "," + shortfall.standby());
        return b.toString();
    }

    private static void line(StringBuilder b, String text) {
        b.append(text).append('\n');
    }
}
