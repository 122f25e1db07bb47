package net.nym.tokenomics.selection.domain.selection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static net.nym.tokenomics.selection.domain.selection.TestCandidates.ENTRY;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.EXIT;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.MIX;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.seed;
import static net.nym.tokenomics.selection.domain.selection.TestCandidates.weighted;
import static org.assertj.core.api.Assertions.assertThat;

class LayerDealerTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 7, 11, 30, 31, 32})
    void layersAreBalancedAndEveryMixnodePlaced(int n) {
        List<Candidate> mix = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mix.add(weighted(i + 1, "n1op" + (i % 4), MIX, "1"));
        }
        SortedMap<NodeId, Layer> layers = LayerDealer.deal(mix, Map.of(), new Sha256CounterRandom(seed(n)));
        assertThat(layers).hasSize(n);
        int[] sizes = sizes(layers);
        assertThat(sizes).containsExactly(LayerDealer.targetSizes(n));
        assertThat(sizes[0] - sizes[2]).isBetween(0, 1);
    }

    /** Rule (a) yields to rule (b): a group whose members held all three layers stays together, one member repeats. */
    @Test
    void coLocationWinsOverRotation() {
        List<Candidate> mix = new ArrayList<>(List.of(weighted(1, "n1op", MIX, "1"), weighted(2, "n1op", MIX, "1"),
                weighted(3, "n1op", MIX, "1")));
        for (long id = 4; id <= 9; id++) {
            mix.add(weighted(id, MIX, "1"));
        }
        Map<NodeId, Layer> previous = Map.of(NodeId.of(1), Layer.LAYER1, NodeId.of(2), Layer.LAYER2, NodeId.of(3), Layer.LAYER3);
        for (int s = 0; s < 30; s++) {
            SortedMap<NodeId, Layer> layers = LayerDealer.deal(mix, previous, new Sha256CounterRandom(seed(s)));
            assertThat(List.of(layers.get(NodeId.of(1)), layers.get(NodeId.of(2)), layers.get(NodeId.of(3)))).containsOnly(layers.get(NodeId.of(1)));
            assertThat(rotationViolations(layers, previous)).isEqualTo(1);
        }
    }

    @Test
    void groupLargerThanALayerSpreadsOverTheFewestLayers() {
        List<Candidate> mix = new ArrayList<>();
        for (long id = 1; id <= 5; id++) {
            mix.add(weighted(id, "n1big", MIX, "1"));
        }
        for (long id = 6; id <= 9; id++) {
            mix.add(weighted(id, MIX, "1"));
        }
        SortedMap<NodeId, Layer> layers = LayerDealer.deal(mix, Map.of(), new Sha256CounterRandom(seed(3)));
        assertThat(mix.subList(0, 5).stream().map(c -> layers.get(c.nodeId())).distinct()).hasSize(2);
        assertThat(sizes(layers)).containsExactly(3, 3, 3);
    }

    @Test
    void rotationYieldsOnlyToBalance() {
        List<Candidate> mix = List.of(weighted(1, MIX, "1"), weighted(2, MIX, "1"), weighted(3, MIX, "1"));
        Map<NodeId, Layer> previous = Map.of(NodeId.of(1), Layer.LAYER1, NodeId.of(2), Layer.LAYER1, NodeId.of(3), Layer.LAYER1);
        SortedMap<NodeId, Layer> layers = LayerDealer.deal(mix, previous, new Sha256CounterRandom(seed(5)));
        assertThat(rotationViolations(layers, previous)).isEqualTo(1);
        assertThat(sizes(layers)).containsExactly(1, 1, 1);
    }

    /** A network for the multi-epoch runs: multi-node operators' group sizes, total mix-capable nodes, mixnodes drawn. */
    record Network(String name, int[] groupSizes, int mixCapable, int mixnodes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Network> networks() {
        return List.of(
                new Network("30 of 80, ten operators with 2-3 nodes", new int[]{3, 2, 2, 3, 2, 2, 2, 3, 2, 2}, 80, 30),
                new Network("9 of 15, layers of 3, operators with 3, 2, 2 nodes", new int[]{3, 2, 2}, 15, 9));
    }

    /**
     * 200 consecutive seeded epochs; each epoch's layers are the next epoch's previous layers. Every epoch: layers
     * balanced, every operator's mixnodes in one layer (always possible in these networks: at most three groups of at
     * most a layer's size, or groups far smaller than a layer), and exactly the minimum number of rotation violations
     * any balanced, co-located assignment must have (oracle: brute force over the groups' layers, Hall's bound for
     * the single nodes).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("networks")
    void layerRulesHoldOverTwoHundredEpochs(Network network) {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(weighted(1, ENTRY, "1"));
        candidates.add(weighted(2, EXIT, "1"));
        long id = 100;
        for (int g = 0; g < network.groupSizes().length; g++) {
            for (int m = 0; m < network.groupSizes()[g]; m++) {
                candidates.add(weighted(id, "n1group" + g, MIX, weightFor(id)));
                id++;
            }
        }
        while (id < 100 + network.mixCapable()) {
            candidates.add(weighted(id, MIX, weightFor(id)));
            id++;
        }
        RewardedSetSizes sizes = new RewardedSetSizes(1, 1, network.mixnodes(), 0);
        int layerSize = network.mixnodes() / 3;
        Map<NodeId, Layer> previous = Map.of();
        int nodesWithPreviousLayer = 0;
        for (int e = 0; e < 200; e++) {
            int epoch = e;
            SortedMap<NodeId, Layer> layers = RewardedSetSelection.select(seed(epoch), sizes, candidates, previous)
                    .rewardedSet().layers();
            assertThat(sizes(layers)).as("epoch %d", epoch).containsExactly(layerSize, layerSize, layerSize);
            Map<String, List<NodeId>> byOwner = byOwner(candidates, layers);
            byOwner.forEach((owner, members) -> assertThat(members.stream().map(layers::get).distinct())
                    .as("epoch %d owner %s", epoch, owner).hasSize(1));
            Map<NodeId, Layer> prev = previous;
            nodesWithPreviousLayer += (int) layers.keySet().stream().filter(prev::containsKey).count();
            int violations = rotationViolations(layers, previous);
            assertThat(violations).as("epoch %d", epoch).isEqualTo(minimumViolations(byOwner, previous));
            previous = layers;
        }
        assertThat(nodesWithPreviousLayer).isGreaterThan(network.mixnodes() * 200 / 4);
    }

    /**
     * Arbitrary previous layers (e.g. after a parameter change or a restart from another implementation), so that
     * rotation is often impossible for some nodes: 500 seeded instances, each with at most three operators of at most
     * a layer's size (so co-location is always possible), compared with the brute-force minimum.
     */
    @ParameterizedTest(name = "exact search budget {0}")
    @ValueSource(ints = {LayerDealer.EXACT_SEARCH_STATE_BUDGET, 0})
    void minimumRotationViolationsUnderArbitraryPreviousLayers(int budget) {
        Sha256CounterRandom gen = new Sha256CounterRandom(new Seed("5eed"));
        int forced = 0;
        int minimum = 0;
        for (int instance = 0; instance < 500; instance++) {
            int layerSize = 2 + gen.nextInt(3);
            int n = 3 * layerSize;
            int groups = gen.nextInt(4);
            List<Candidate> mix = new ArrayList<>();
            Map<NodeId, Layer> previous = new HashMap<>();
            for (int i = 0; i < n; i++) {
                int group = i < groups * layerSize ? i / layerSize : -1;
                String owner = group >= 0 && gen.nextInt(3) > 0 ? "n1group" + group : "n1single" + i;
                mix.add(weighted(i + 1, owner, MIX, "1"));
                int prev = gen.nextInt(5);
                if (prev < 3) {
                    previous.put(NodeId.of(i + 1), Layer.ofIndex(prev == 2 ? gen.nextInt(3) : 0));
                }
            }
            SortedMap<NodeId, Layer> layers = LayerDealer.deal(mix, previous, new Sha256CounterRandom(seed(instance)), budget);
            Map<String, List<NodeId>> byOwner = byOwner(mix, layers);
            int id = instance;
            byOwner.forEach((owner, members) -> assertThat(members.stream().map(layers::get).distinct())
                    .as("instance %d owner %s", id, owner).hasSize(1));
            assertThat(sizes(layers)).containsExactly(layerSize, layerSize, layerSize);
            int violations = rotationViolations(layers, previous);
            int oracle = minimumViolations(byOwner, previous);
            if (budget > 0) {
                assertThat(violations).as("instance %d", instance).isEqualTo(oracle);
            }
            forced += violations;
            minimum += oracle;
        }
        assertThat(minimum).isPositive();
        // Without the exact search (budget 0: greedy + local search), within 10 % of the minimum in total.
        assertThat(forced).isBetween(minimum, minimum + minimum / 10);
    }

    private static String weightFor(long id) {
        return "0." + (10 + id % 90);
    }

    private static Map<String, List<NodeId>> byOwner(List<Candidate> candidates, SortedMap<NodeId, Layer> layers) {
        return candidates.stream().filter(c -> layers.containsKey(c.nodeId()))
                .collect(Collectors.groupingBy(Candidate::owner, TreeMap::new, Collectors.mapping(Candidate::nodeId, Collectors.toList())));
    }

    /** Oracle: minimum violations over every whole-group layer choice, with the exact Hall bound for the singles. */
    private static int minimumViolations(Map<String, List<NodeId>> byOwner, Map<NodeId, Layer> previous) {
        List<List<NodeId>> groups = byOwner.values().stream().filter(m -> m.size() >= 2).toList();
        int[] classCounts = new int[4];
        int n = 0;
        for (List<NodeId> members : byOwner.values()) {
            n += members.size();
            if (members.size() == 1) {
                Layer p = previous.get(members.getFirst());
                classCounts[p == null ? 3 : p.index()]++;
            }
        }
        int[] targets = LayerDealer.targetSizes(n);
        int best = Integer.MAX_VALUE;
        int combos = (int) Math.pow(3, groups.size());
        for (int code = 0; code < combos; code++) {
            int[] room = targets.clone();
            int violations = 0;
            int c = code;
            for (List<NodeId> g : groups) {
                int layer = c % 3;
                c /= 3;
                room[layer] -= g.size();
                for (NodeId m : g) {
                    violations += previous.get(m) == Layer.ofIndex(layer) ? 1 : 0;
                }
            }
            if (room[0] < 0 || room[1] < 0 || room[2] < 0) {
                continue;
            }
            int total = room[0] + room[1] + room[2];
            int singles = 0;
            for (int p = 0; p < 3; p++) {
                singles = Math.max(singles, classCounts[p] - (total - room[p]));
            }
            best = Math.min(best, violations + singles);
        }
        return best;
    }

    private static int rotationViolations(Map<NodeId, Layer> layers, Map<NodeId, Layer> previous) {
        return (int) layers.entrySet().stream().filter(e -> e.getValue() == previous.get(e.getKey())).count();
    }

    private static int[] sizes(Map<NodeId, Layer> layers) {
        int[] sizes = new int[3];
        layers.values().forEach(l -> sizes[l.index()]++);
        return sizes;
    }

}
