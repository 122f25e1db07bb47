package net.nym.tokenomics.performance.domain.selfdescribed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every node's probe facts in observation order. Immutable: {@link #with} returns a copy sharing the untouched
 * nodes' lists. Facts per node are strictly increasing in {@code observedAt} (the decider enforces it), so the
 * latest fact at or before an instant is a binary search.
 *
 * <p>{@link #with} copies the node map, so fold each node's facts as its own stream (one node per state) and build
 * the all-nodes view for an epoch with {@link #of}, which is linear.
 */
public final class SelfDescriptionHistory {

    public static final SelfDescriptionHistory EMPTY = new SelfDescriptionHistory(new TreeMap<>());

    private final TreeMap<Long, List<NodeFact>> byNode;

    private SelfDescriptionHistory(TreeMap<Long, List<NodeFact>> byNode) {
        this.byNode = byNode;
    }

    /** Builds a history from facts in any order; facts with a repeated (node, observedAt) keep the first. */
    public static SelfDescriptionHistory of(List<? extends NodeFact> facts) {
        TreeMap<Long, List<NodeFact>> map = new TreeMap<>();
        for (NodeFact f : facts) {
            map.computeIfAbsent(f.nodeId(), k -> new ArrayList<>()).add(f);
        }
        TreeMap<Long, List<NodeFact>> sorted = new TreeMap<>();
        for (Map.Entry<Long, List<NodeFact>> e : map.entrySet()) {
            List<NodeFact> list = new ArrayList<>(e.getValue());
            list.sort((a, b) -> a.observedAt().compareTo(b.observedAt()));
            List<NodeFact> dedup = new ArrayList<>(list.size());
            for (NodeFact f : list) {
                if (dedup.isEmpty() || dedup.getLast().observedAt().isBefore(f.observedAt())) {
                    dedup.add(f);
                }
            }
            sorted.put(e.getKey(), Collections.unmodifiableList(dedup));
        }
        return new SelfDescriptionHistory(sorted);
    }

    /**
     * Adds a fact in its time position. Total, as evolve needs: a fact whose (node, observedAt) is already present
     * leaves the history unchanged, and an out-of-order fact is inserted where it belongs rather than appended.
     */
    public SelfDescriptionHistory with(NodeFact fact) {
        List<NodeFact> list = new ArrayList<>(byNode.getOrDefault(fact.nodeId(), List.of()));
        int at = list.size();
        while (at > 0 && list.get(at - 1).observedAt().isAfter(fact.observedAt())) {
            at--;
        }
        if (at > 0 && list.get(at - 1).observedAt().equals(fact.observedAt())) {
            return this;
        }
        list.add(at, fact);
        TreeMap<Long, List<NodeFact>> copy = new TreeMap<>(byNode);
        copy.put(fact.nodeId(), Collections.unmodifiableList(list));
        return new SelfDescriptionHistory(copy);
    }

    public Optional<NodeFact> latest(long nodeId) {
        List<NodeFact> list = byNode.get(nodeId);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.getLast());
    }

    /** The newest fact observed at or before {@code at} (inclusive), if any. */
    public Optional<NodeFact> latestAtOrBefore(long nodeId, Instant at) {
        List<NodeFact> list = byNode.get(nodeId);
        if (list == null) {
            return Optional.empty();
        }
        int lo = 0;
        int hi = list.size() - 1;
        NodeFact found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            NodeFact f = list.get(mid);
            if (!f.observedAt().isAfter(at)) {
                found = f;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<NodeFact> facts(long nodeId) {
        return byNode.getOrDefault(nodeId, List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelfDescriptionHistory other && byNode.equals(other.byNode);
    }

    @Override
    public int hashCode() {
        return byNode.hashCode();
    }

    @Override
    public String toString() {
        return "SelfDescriptionHistory" + byNode;
    }
}
