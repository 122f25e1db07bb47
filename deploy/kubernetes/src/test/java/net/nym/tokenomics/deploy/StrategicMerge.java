package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The subset of Kubernetes strategic merge patch the overlays use, nothing more:
 * <ul>
 *   <li>maps merge recursively; a {@code null} value deletes the key;</li>
 *   <li>lists of built-in kinds with a patch merge key merge element by element on that key
 *       ({@code containers}, {@code initContainers}, {@code env}, {@code volumes} by {@code name};
 *       {@code volumeMounts} by {@code mountPath}; {@code ports} by {@code containerPort});</li>
 *   <li>every other list is replaced whole, and every list of a custom resource is replaced whole (Kustomize
 *       treats a strategic merge patch on a kind without an OpenAPI schema as a JSON merge patch).</li>
 * </ul>
 * {@code $patch}, {@code $setElementOrder} and the other directives are rejected rather than half-implemented.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "ports", "containerPort");

    private static final Set<String> BUILT_IN_GROUPS =
            Set.of("", "apps", "batch", "policy", "autoscaling", "networking.k8s.io");

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        boolean builtIn = BUILT_IN_GROUPS.contains(Manifests.group(target));
        mergeObject(target, patch, builtIn, "");
    }

    private static void mergeObject(ObjectNode target, ObjectNode patch, boolean builtIn, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode value = f.getValue();
            if (key.startsWith("$")) {
                throw new UnsupportedOperationException("patch directive " + key + " at " + path + " is not supported");
            }
            JsonNode current = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && current != null && current.isObject()) {
                mergeObject((ObjectNode) current, (ObjectNode) value, builtIn, path + "/" + key);
            } else if (value.isArray() && current != null && current.isArray() && builtIn && MERGE_KEYS.containsKey(key)) {
                mergeList((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(key), path + "/" + key);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String mergeKey, String path) {
        for (JsonNode element : patch) {
            if (!element.isObject() || !element.has(mergeKey)) {
                throw new IllegalArgumentException("list " + path + ": patch element without merge key " + mergeKey);
            }
            ObjectNode match = null;
            for (JsonNode existing : target) {
                if (existing.path(mergeKey).equals(element.get(mergeKey))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                target.add(element.deepCopy());
            } else {
                mergeObject(match, (ObjectNode) element, true, path + "[" + element.get(mergeKey).asText() + "]");
            }
        }
    }
}
