package net.nym.tokenomics.selection.domain.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;

/**
 * Draws one epoch's rewarded set from a seed (reference A.5, made deterministic).
 *
 * <p>One {@link Sha256CounterRandom} stream per epoch, consumed in this order: the entry pool's draws, the exit
 * pool's, the mix pool's, the standby pool's (each {@link WeightedSampler}: one draw per pool member in node-id order),
 * then the {@link LayerDealer}. Pools, each excluding nodes chosen before:
 * <ol>
 *   <li>entry gateways from entry-capable nodes; a strong exit-capable node can thus end up as an entry gateway;</li>
 *   <li>exit gateways from exit-capable nodes;</li>
 *   <li>mixnodes from mix-capable nodes;</li>
 *   <li>standby from every remaining candidate, whatever its roles.</li>
 * </ol>
 * Each draw takes {@code min(requested, pool size)}; what is missing is reported as a {@link Shortfall}.
 */
public final class RewardedSetSelection {

    public record Outcome(RewardedSet rewardedSet, Shortfall shortfall) {
    }

    private RewardedSetSelection() {
    }

    /**
     * @param candidates     strictly ascending by node id (the order the draws are made in)
     * @param previousLayers each node's layer in the previous epoch's rewarded set (absent: it was not a mixnode)
     */
    public static Outcome select(Seed seed, RewardedSetSizes sizes, List<Candidate> candidates,
                                 Map<NodeId, Layer> previousLayers) {
        requireAscending(candidates);
        Sha256CounterRandom rng = new Sha256CounterRandom(seed);
        boolean[] taken = new boolean[candidates.size()]; // by candidate index

        List<Candidate> entry = draw(candidates, taken, c -> c.roles().entryGateway(), sizes.entryGateways(), rng);
        List<Candidate> exit = draw(candidates, taken, c -> c.roles().exitGateway(), sizes.exitGateways(), rng);
        List<Candidate> mix = draw(candidates, taken, c -> c.roles().mixnode(), sizes.mixnodes(), rng);
        List<Candidate> standby = draw(candidates, taken, c -> true, sizes.standby(), rng);

        SortedMap<NodeId, Layer> layers = LayerDealer.deal(mix, previousLayers, rng);
        List<List<NodeId>> byLayer = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        layers.forEach((id, layer) -> byLayer.get(layer.index()).add(id));

        RewardedSet set = new RewardedSet(ids(entry), ids(exit), byLayer.get(0), byLayer.get(1), byLayer.get(2), ids(standby));
        Shortfall shortfall = new Shortfall(sizes.entryGateways() - entry.size(), sizes.exitGateways() - exit.size(),
                sizes.mixnodes() - mix.size(), sizes.standby() - standby.size());
        return new Outcome(set, shortfall);
    }

    private static List<Candidate> draw(List<Candidate> candidates, boolean[] taken, Predicate<Candidate> capable,
                                        int requested, Sha256CounterRandom rng) {
        List<Candidate> pool = new ArrayList<>();
        int[] indexOf = new int[candidates.size()];
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            if (!taken[i] && capable.test(c)) {
                indexOf[pool.size()] = i;
                pool.add(c);
            }
        }
        int[] chosen = WeightedSampler.sampleIndices(pool, requested, rng);
        List<Candidate> out = new ArrayList<>(chosen.length);
        for (int k : chosen) {
            taken[indexOf[k]] = true;
            out.add(pool.get(k));
        }
        return out;
    }

    private static List<NodeId> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::nodeId).toList();
    }

    static void requireAscending(List<Candidate> candidates) {
        for (int i = 1; i < candidates.size(); i++) {
            if (candidates.get(i - 1).nodeId().compareTo(candidates.get(i).nodeId()) >= 0) {
                throw new IllegalArgumentException("candidates must be strictly ascending by node_id; index " + i
                        + " has node " + candidates.get(i).nodeId() + " after " + candidates.get(i - 1).nodeId());
            }
        }
    }
}
