package net.nym.tokenomics.selection.domain.selection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact layer choice for the multi-node owner groups, by dynamic programming over the groups' layer loads.
 *
 * <p>Objective (minimised): the groups' own rotation violations plus the singles' unavoidable ones for the room the
 * groups leave ({@link LayerDealer#singlesBound}); every group whole and within its layer's target size. The state
 * after each group is the load of layers 1 and 2 (layer 3's follows); per state the lowest cost is kept. Groups are
 * taken in the dealer's order, each trying layers in its drawn {@code layerOrder}, states in the order they were first
 * reached; a state or final result replaces another only if strictly cheaper, so ties go to the first found.
 */
final class GroupLayerSearch {

    private record Entry(int cost, int layer, long previousKey) {
    }

    private GroupLayerSearch() {
    }

    /**
     * @return the layer of each group, or {@code null} when the groups cannot all be placed whole or the search
     *         would store more than {@code stateBudget} states (the dealer then falls back to greedy + local search)
     */
    static int[] optimal(List<LayerDealer.OwnerGroup> groups, int[] targets, int[] singleClasses, int stateBudget) {
        int singles = singleClasses[0] + singleClasses[1] + singleClasses[2] + singleClasses[3];
        List<Map<Long, Entry>> stages = new ArrayList<>();
        Map<Long, Entry> current = new LinkedHashMap<>();
        current.put(key(0, 0), new Entry(0, -1, -1));
        int stored = 1;
        int placedNodes = 0;
        for (LayerDealer.OwnerGroup g : groups) {
            Map<Long, Entry> next = new LinkedHashMap<>();
            for (Map.Entry<Long, Entry> state : current.entrySet()) {
                int[] load = load(state.getKey(), placedNodes);
                for (int l : g.layerOrder) {
                    if (load[l] + g.size() > targets[l]) {
                        continue;
                    }
                    load[l] += g.size();
                    long k = key(load[0], load[1]);
                    load[l] -= g.size();
                    int cost = state.getValue().cost() + g.violations[l];
                    Entry existing = next.get(k);
                    if (existing == null || cost < existing.cost()) {
                        next.put(k, new Entry(cost, l, state.getKey()));
                    }
                }
            }
            stored += next.size();
            if (next.isEmpty() || stored > stateBudget) {
                return null;
            }
            stages.add(next);
            current = next;
            placedNodes += g.size();
        }
        long bestKey = -1;
        int bestCost = Integer.MAX_VALUE;
        for (Map.Entry<Long, Entry> state : current.entrySet()) {
            int[] load = load(state.getKey(), placedNodes);
            int[] room = {targets[0] - load[0], targets[1] - load[1], targets[2] - load[2]};
            int cost = state.getValue().cost() + LayerDealer.singlesBound(singleClasses, room, singles);
            if (cost < bestCost) {
                bestCost = cost;
                bestKey = state.getKey();
            }
        }
        int[] layers = new int[groups.size()];
        long k = bestKey;
        for (int i = groups.size() - 1; i >= 0; i--) {
            Entry e = stages.get(i).get(k);
            layers[i] = e.layer();
            k = e.previousKey();
        }
        return layers;
    }

    // A state's key holds the loads of layers 1 and 2. Long.hashCode is (high ^ low), so plain (load0 << 32 | load1)
    // would put every state with the same load0 ^ load1 in one hash bucket (the search stores up to 100,000 states);
    // the low half is therefore mixed with load0, reversibly. Only lookups change: the maps iterate in insertion order.
    private static final int MIX = 0x9E3779B9;

    private static long key(int load0, int load1) {
        return ((long) load0 << 32) | ((load1 ^ (load0 * MIX)) & 0xFFFF_FFFFL);
    }

    private static int[] load(long key, int total) {
        int load0 = (int) (key >>> 32);
        int load1 = (int) key ^ (load0 * MIX);
        return new int[]{load0, load1, total - load0 - load1};
    }
}
