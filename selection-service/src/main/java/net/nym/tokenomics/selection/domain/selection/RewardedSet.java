package net.nym.tokenomics.selection.domain.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rewarded set of one epoch in nym-api's shape ({@code entry_gateways, exit_gateways, layer1, layer2, layer3,
 * standby}). Every list is sorted ascending by node id in the compact constructor, so equality never depends on
 * the order a caller built them in.
 */
public record RewardedSet(List<NodeId> entryGateways, List<NodeId> exitGateways, List<NodeId> layer1,
                          List<NodeId> layer2, List<NodeId> layer3, List<NodeId> standby) {

    public static final RewardedSet EMPTY = new RewardedSet(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public RewardedSet {
        entryGateways = sorted(entryGateways);
        exitGateways = sorted(exitGateways);
        layer1 = sorted(layer1);
        layer2 = sorted(layer2);
        layer3 = sorted(layer3);
        standby = sorted(standby);
    }

    private static List<NodeId> sorted(List<NodeId> ids) {
        List<NodeId> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    public List<NodeId> layer(Layer layer) {
        return switch (layer) {
            case LAYER1 -> layer1;
            case LAYER2 -> layer2;
            case LAYER3 -> layer3;
        };
    }

    /** Each mixnode's layer; the next epoch's selection reads it as "previous layers". */
    public SortedMap<NodeId, Layer> layers() {
        SortedMap<NodeId, Layer> result = new TreeMap<>();
        for (Layer l : Layer.values()) {
            layer(l).forEach(id -> result.put(id, l));
        }
        return Collections.unmodifiableSortedMap(result);
    }

    /** The result lists by their nym-api names, in the order of the proof encoding and the verifier's comparison. */
    public Map<String, List<NodeId>> named() {
        Map<String, List<NodeId>> m = new LinkedHashMap<>();
        m.put("entry_gateways", entryGateways);
        m.put("exit_gateways", exitGateways);
        m.put("layer1", layer1);
        m.put("layer2", layer2);
        m.put("layer3", layer3);
        m.put("standby", standby);
        return Collections.unmodifiableMap(m);
    }

    public int size() {
        return entryGateways.size() + exitGateways.size() + layer1.size() + layer2.size() + layer3.size() + standby.size();
    }
}
