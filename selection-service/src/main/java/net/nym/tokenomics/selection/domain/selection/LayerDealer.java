package net.nym.tokenomics.selection.domain.selection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Deals the chosen mixnodes into the three layers.
 *
 * <p>Nym (reference A.5 step 5) shuffles and deals index i to layer {@code (i mod 3) + 1}. This project keeps Nym's
 * layer sizes as a <b>hard</b> constraint (layer k gets {@code n/3}, plus one for the first {@code n mod 3} layers)
 * and adds two rules that Nym's code does not enforce:
 * <ul>
 *   <li>(b) <b>operator co-location</b>: nodes of the same owner share a layer when possible;</li>
 *   <li>(a) <b>rotation</b>: a node is not placed in the layer it held in the previous epoch when another
 *       assignment exists.</li>
 * </ul>
 * <b>When they conflict, rotation (a) yields to co-location (b).</b> Why: co-location is an anonymity property; an
 * owner with nodes in two layers can sit on two hops of one route and correlate them, which a single layer per owner
 * rules out. Rotation is hygiene against long-lived per-layer observation. It also converges only under this
 * priority: a co-located group moves as one and then always has two layers to rotate into, whereas with rotation
 * first a group whose members were spread over all three layers could never be reunited.
 *
 * <p>Algorithm (all randomness from the epoch's {@link Sha256CounterRandom}, consumed in exactly this order):
 * <ol>
 *   <li>Group the mixnodes by owner (owners in string order, members in node-id order). For each group of 2 or more,
 *       in owner order, one {@code nextLong()} tie key is drawn; groups are then ordered largest first, ties by
 *       ascending unsigned tie key. Then, in that order, each group draws its layer preference
 *       {@code LAYER_ORDERS[nextInt(6)]}.</li>
 *   <li>Exact search ({@link GroupLayerSearch}): every group whole, minimising the groups' rotation violations plus
 *       the singles' unavoidable ones. If the groups cannot all be whole, or the search would exceed
 *       {@link #EXACT_SEARCH_STATE_BUDGET} states (in practice beyond roughly a hundred mixnodes in multi-node
 *       groups), fall back to: greedy
 *       in group order (the first layer in the group's preference among those with room and fewest violations; a
 *       group that fits nowhere is split over as few layers as possible, the layer with most room first, members
 *       that did not hold it last epoch first, then by node id), then local search with single-group moves and
 *       pairwise swaps on the same objective.</li>
 *   <li>Single nodes are classified by previous layer (1, 2, 3, none). A max-flow (Edmonds-Karp, BFS over the
 *       class-layer graph in index order) finds how many of each class go to each other layer within the room left,
 *       so rotation holds for as many singles as possible. Each class, in order 1, 2, 3, none, is shuffled by
 *       Fisher-Yates ({@code for i = size-1 .. 1: j = nextInt(i + 1)}, starting from node-id order) and dealt to
 *       layers 1, 2, 3 in the flow's counts. Nodes the flow could not place (then all of one class, and the room left
 *       is their old layer) fill the remaining room in layer order.</li>
 * </ol>
 * Guarantees: balance always; whenever every owner's mixnodes can share a layer and the exact search is within
 * budget, they do, with the minimum possible number of rotation violations. Beyond the budget: a local optimum.
 * Tests compare with a brute-force optimum over 400 consecutive epochs and 500 instances with arbitrary previous
 * layers.
 */
public final class LayerDealer {

    private static final int NONE = 3;
    /** Upper bound on the states the exact search may store (summed over all groups) before falling back. */
    static final int EXACT_SEARCH_STATE_BUDGET = 100_000;
    /** The six orders of the three layers; a group's order is {@code LAYER_ORDERS[nextInt(6)]}. */
    static final int[][] LAYER_ORDERS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

    private LayerDealer() {
    }

    /** Target layer sizes for {@code n} mixnodes, as Nym's {@code i mod 3} deal produces them. */
    public static int[] targetSizes(int n) {
        int[] t = new int[3];
        for (int l = 0; l < 3; l++) {
            t[l] = n / 3 + (l < n % 3 ? 1 : 0);
        }
        return t;
    }

    public static SortedMap<NodeId, Layer> deal(List<Candidate> mixnodes, Map<NodeId, Layer> previousLayers,
                                               Sha256CounterRandom rng) {
        return deal(mixnodes, previousLayers, rng, EXACT_SEARCH_STATE_BUDGET);
    }

    static SortedMap<NodeId, Layer> deal(List<Candidate> mixnodes, Map<NodeId, Layer> previousLayers,
                                         Sha256CounterRandom rng, int exactSearchStateBudget) {
        int[] room = targetSizes(mixnodes.size());
        SortedMap<NodeId, Layer> placed = new TreeMap<>();

        SortedMap<String, List<Candidate>> byOwner = new TreeMap<>();
        mixnodes.stream().sorted(Comparator.comparing(Candidate::nodeId))
                .forEach(c -> byOwner.computeIfAbsent(c.owner(), o -> new ArrayList<>()).add(c));

        record Group(List<Candidate> members, long tieKey) {
        }
        List<Group> sortedGroups = new ArrayList<>();
        List<Candidate> singles = new ArrayList<>();
        for (List<Candidate> members : byOwner.values()) {
            if (members.size() >= 2) {
                sortedGroups.add(new Group(members, rng.nextLong()));
            } else {
                singles.add(members.getFirst());
            }
        }
        sortedGroups.sort(Comparator.<Group>comparingInt(g -> -g.members().size())
                .thenComparing(Group::tieKey, Long::compareUnsigned));
        List<OwnerGroup> groups = new ArrayList<>();
        for (Group g : sortedGroups) {
            groups.add(new OwnerGroup(g.members(), previousLayers, LAYER_ORDERS[rng.nextInt(LAYER_ORDERS.length)]));
        }
        int[] singleClasses = singleClassCounts(singles, previousLayers);

        int[] exact = GroupLayerSearch.optimal(groups, room, singleClasses, exactSearchStateBudget);
        if (exact != null) {
            for (int i = 0; i < groups.size(); i++) {
                groups.get(i).layer = exact[i];
                room[exact[i]] -= groups.get(i).size();
                place(groups.get(i), placed);
            }
        } else {
            List<OwnerGroup> whole = new ArrayList<>(); // split groups stay where the greedy step put them
            for (OwnerGroup g : groups) {
                if (placeGroup(g, previousLayers, room, placed)) {
                    whole.add(g);
                }
            }
            improveGroupLayers(whole, singleClasses, room, placed);
        }
        placeSingles(singles, previousLayers, room, placed, rng);
        return placed;
    }

    /** An owner's mixnodes, with their rotation violations per layer, the drawn layer preference and the chosen layer. */
    static final class OwnerGroup {
        final List<Candidate> members;
        final int[] violations = new int[3];
        final int[] layerOrder;
        int layer = -1;

        OwnerGroup(List<Candidate> members, Map<NodeId, Layer> previous, int[] layerOrder) {
            this.members = members;
            this.layerOrder = layerOrder;
            for (int l = 0; l < 3; l++) {
                violations[l] = violations(members, previous, l);
            }
        }

        int size() {
            return members.size();
        }
    }

    private static int[] singleClassCounts(List<Candidate> singles, Map<NodeId, Layer> previous) {
        int[] counts = new int[4];
        for (Candidate c : singles) {
            Layer prev = previous.get(c.nodeId());
            counts[prev == null ? NONE : prev.index()]++;
        }
        return counts;
    }

    /**
     * Local search on the exact objective: the groups' violations plus the singles' minimum violations for the room
     * the groups leave, {@code max(0, max_p(singles with previous layer p + room_p - all singles))} (Hall's bound,
     * which the max-flow below attains). Moves, in this order until none improves strictly: one group to another
     * layer with room, then two groups in different layers swapped where both fit. Deterministic; no draws.
     */
    private static void improveGroupLayers(List<OwnerGroup> groups, int[] singleClasses, int[] room,
                                           SortedMap<NodeId, Layer> placed) {
        int singles = singleClasses[0] + singleClasses[1] + singleClasses[2] + singleClasses[3];
        boolean improved = true;
        while (improved) {
            improved = false;
            for (OwnerGroup g : groups) {
                for (int to = 0; to < 3; to++) {
                    if (to == g.layer || room[to] < g.size()) {
                        continue;
                    }
                    int before = g.violations[g.layer] + singlesBound(singleClasses, room, singles);
                    room[g.layer] += g.size();
                    room[to] -= g.size();
                    int after = g.violations[to] + singlesBound(singleClasses, room, singles);
                    if (after < before) {
                        g.layer = to;
                        improved = true;
                    } else {
                        room[to] += g.size();
                        room[g.layer] -= g.size();
                    }
                }
            }
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    OwnerGroup a = groups.get(i);
                    OwnerGroup b = groups.get(j);
                    int la = a.layer;
                    int lb = b.layer;
                    if (la == lb || room[la] + a.size() < b.size() || room[lb] + b.size() < a.size()) {
                        continue;
                    }
                    int before = a.violations[la] + b.violations[lb] + singlesBound(singleClasses, room, singles);
                    room[la] += a.size() - b.size();
                    room[lb] += b.size() - a.size();
                    int after = a.violations[lb] + b.violations[la] + singlesBound(singleClasses, room, singles);
                    if (after < before) {
                        a.layer = lb;
                        b.layer = la;
                        improved = true;
                    } else {
                        room[la] -= a.size() - b.size();
                        room[lb] -= b.size() - a.size();
                    }
                }
            }
        }
        groups.forEach(g -> place(g, placed));
    }

    private static void place(OwnerGroup g, SortedMap<NodeId, Layer> placed) {
        g.members.forEach(c -> placed.put(c.nodeId(), Layer.ofIndex(g.layer)));
    }

    static int singlesBound(int[] singleClasses, int[] room, int singles) {
        int bound = 0;
        for (int p = 0; p < 3; p++) {
            bound = Math.max(bound, singleClasses[p] + room[p] - singles);
        }
        return bound;
    }

    /** Greedy step: true if the group was given a layer whole (placed later, after local search); false if split. */
    private static boolean placeGroup(OwnerGroup g, Map<NodeId, Layer> previous, int[] room,
                                      SortedMap<NodeId, Layer> placed) {
        int size = g.size();
        int best = -1;
        for (int l : g.layerOrder) {
            if (room[l] >= size && (best < 0 || g.violations[l] < g.violations[best])) {
                best = l;
            }
        }
        if (best >= 0) {
            g.layer = best;
            room[best] -= size;
            return true;
        }
        List<Candidate> left = new ArrayList<>(g.members);
        while (!left.isEmpty()) {
            int layer = 0;
            for (int l = 1; l < 3; l++) {
                if (room[l] > room[layer]) {
                    layer = l;
                }
            }
            int target = layer;
            left.sort(Comparator.<Candidate>comparingInt(c -> previous.get(c.nodeId()) == Layer.ofIndex(target) ? 1 : 0)
                    .thenComparing(Candidate::nodeId));
            int take = Math.min(room[layer], left.size());
            for (Candidate c : left.subList(0, take)) {
                placed.put(c.nodeId(), Layer.ofIndex(layer));
            }
            left = new ArrayList<>(left.subList(take, left.size()));
            room[layer] -= take;
        }
        return false;
    }

    private static int violations(List<Candidate> members, Map<NodeId, Layer> previous, int layer) {
        int v = 0;
        for (Candidate c : members) {
            if (previous.get(c.nodeId()) == Layer.ofIndex(layer)) {
                v++;
            }
        }
        return v;
    }

    private static void placeSingles(List<Candidate> singles, Map<NodeId, Layer> previous, int[] room,
                                     SortedMap<NodeId, Layer> placed, Sha256CounterRandom rng) {
        List<List<Candidate>> classes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Candidate c : singles) {
            Layer prev = previous.get(c.nodeId());
            classes.get(prev == null ? NONE : prev.index()).add(c);
        }
        int[][] flow = maxFlow(singleClassCounts(singles, previous), room);
        List<Candidate> unplaced = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            List<Candidate> members = classes.get(k);
            for (int i = members.size() - 1; i >= 1; i--) {
                int j = rng.nextInt(i + 1);
                members.set(i, members.set(j, members.get(i)));
            }
            int next = 0;
            for (int l = 0; l < 3; l++) {
                for (int x = 0; x < flow[k][l]; x++) {
                    placed.put(members.get(next++).nodeId(), Layer.ofIndex(l));
                }
                room[l] -= flow[k][l];
            }
            unplaced.addAll(members.subList(next, members.size()));
        }
        for (Candidate c : unplaced) {
            int l = 0;
            while (room[l] == 0) {
                l++;
            }
            placed.put(c.nodeId(), Layer.ofIndex(l));
            room[l]--;
        }
    }

    /**
     * Max flow source -> class k (capacity = class size) -> layer l (k != l; class NONE to any layer) -> sink
     * (capacity = room). Returns flow[class][layer]. Nodes: 0 source, 1..4 classes, 5..7 layers, 8 sink.
     */
    private static int[][] maxFlow(int[] classSizes, int[] room) {
        int v = 9;
        long[][] cap = new long[v][v];
        for (int k = 0; k < 4; k++) {
            cap[0][1 + k] = classSizes[k];
            for (int l = 0; l < 3; l++) {
                if (k != l) {
                    cap[1 + k][5 + l] = Integer.MAX_VALUE;
                }
            }
        }
        for (int l = 0; l < 3; l++) {
            cap[5 + l][8] = room[l];
        }
        long[][] residual = new long[v][];
        for (int i = 0; i < v; i++) {
            residual[i] = cap[i].clone();
        }
        while (true) {
            int[] parent = new int[v];
            java.util.Arrays.fill(parent, -1);
            parent[0] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(0);
            while (!queue.isEmpty() && parent[8] < 0) {
                int x = queue.poll();
                for (int y = 0; y < v; y++) {
                    if (parent[y] < 0 && residual[x][y] > 0) {
                        parent[y] = x;
                        queue.add(y);
                    }
                }
            }
            if (parent[8] < 0) {
                break;
            }
            long push = Long.MAX_VALUE;
            for (int y = 8; y != 0; y = parent[y]) {
                push = Math.min(push, residual[parent[y]][y]);
            }
            for (int y = 8; y != 0; y = parent[y]) {
                residual[parent[y]][y] -= push;
                residual[y][parent[y]] += push;
            }
        }
        int[][] flow = new int[4][3];
        for (int k = 0; k < 4; k++) {
            for (int l = 0; l < 3; l++) {
                flow[k][l] = (int) Math.max(0, cap[1 + k][5 + l] - residual[1 + k][5 + l]);
            }
        }
        return flow;
    }
}
