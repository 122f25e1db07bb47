package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A minimal, offline {@code kustomize build}: exactly the features the kustomizations here use, and a loud failure
 * for anything else (so a kustomization cannot silently rely on a feature this resolver ignores).
 * <ul>
 *   <li>{@code resources}: local files (multi-document) and directories holding a kustomization, recursively;</li>
 *   <li>{@code patches}: {@code - path: file} only, each document a strategic merge patch naming its target by
 *       apiVersion, kind, name and namespace ({@link StrategicMerge});</li>
 *   <li>{@code labels}: {@code pairs} with {@code includeSelectors: false} (or absent), optionally
 *       {@code includeTemplates: true};</li>
 *   <li>{@code images}: {@code name} with {@code newName}, {@code newTag} or {@code digest}.</li>
 * </ul>
 * Transformers run in Kustomize's order: patches, then labels, then images. Duplicate resource ids are an error, as
 * in Kustomize. {@link KustomizeCrossCheckTest} compares the result with the real {@code kubectl kustomize} when
 * a kubectl binary is on the PATH.
 */
final class KustomizeBuild {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "patches", "labels", "images");
    private static final Set<String> TEMPLATED_KINDS =
            Set.of("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet", "Job", "ReplicationController");

    private KustomizeBuild() {
    }

    static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        List<ObjectNode> docs = Manifests.readAll(file);
        if (docs.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one document");
        }
        ObjectNode k = docs.getFirst();
        for (Iterator<String> names = k.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SUPPORTED.contains(name)) {
                throw new UnsupportedOperationException(file + ": kustomization field '" + name
                        + "' is not supported by the offline resolver (supported: " + SUPPORTED + ")");
            }
        }
        if (!"Kustomization".equals(k.path("kind").asText()) || !"kustomize.config.k8s.io/v1beta1".equals(k.path("apiVersion").asText())) {
            throw new IllegalArgumentException(file + ": expected kind Kustomization, apiVersion kustomize.config.k8s.io/v1beta1");
        }

        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            String ref = entry.asText();
            if (ref.contains("://") || ref.startsWith("github.com/")) {
                throw new UnsupportedOperationException(file + ": remote resource " + ref + " is not supported");
            }
            Path p = dir.resolve(ref).normalize();
            if (Files.isDirectory(p)) {
                resources.addAll(build(p));
            } else if (Files.isRegularFile(p)) {
                for (ObjectNode doc : Manifests.readAll(p)) {
                    resources.add(doc.deepCopy());
                }
            } else {
                throw new IllegalArgumentException(file + ": resource " + ref + " does not exist");
            }
        }
        Set<String> ids = new HashSet<>();
        for (ObjectNode r : resources) {
            if (!ids.add(gvkn(r))) {
                throw new IllegalArgumentException(file + ": duplicate resource " + Manifests.id(r));
            }
        }

        for (JsonNode entry : k.path("patches")) {
            if (entry.size() != 1 || !entry.has("path")) {
                throw new UnsupportedOperationException(file + ": only '- path: <file>' patches are supported, got " + entry);
            }
            Path patchFile = dir.resolve(entry.get("path").asText()).normalize();
            for (ObjectNode patch : Manifests.readAll(patchFile)) {
                List<ObjectNode> targets = resources.stream().filter(r -> gvkn(r).equals(gvkn(patch))).toList();
                if (targets.size() != 1) {
                    throw new IllegalArgumentException(patchFile + ": patch target " + Manifests.id(patch) + " matches "
                            + targets.size() + " resources");
                }
                StrategicMerge.apply(targets.getFirst(), patch);
            }
        }

        for (JsonNode entry : k.path("labels")) {
            for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!Set.of("pairs", "includeSelectors", "includeTemplates").contains(name)) {
                    throw new UnsupportedOperationException(file + ": labels." + name + " is not supported");
                }
            }
            if (entry.path("includeSelectors").asBoolean(false)) {
                throw new UnsupportedOperationException(file + ": labels.includeSelectors: true is not supported");
            }
            boolean templates = entry.path("includeTemplates").asBoolean(false);
            for (ObjectNode r : resources) {
                addLabels(r.withObject("/metadata").withObject("/labels"), entry.get("pairs"));
                if (templates && TEMPLATED_KINDS.contains(r.path("kind").asText())) {
                    addLabels(r.withObject("/spec").withObject("/template").withObject("/metadata").withObject("/labels"),
                            entry.get("pairs"));
                }
                if (templates && "CronJob".equals(r.path("kind").asText())) {
                    addLabels(r.withObject("/spec").withObject("/jobTemplate").withObject("/spec").withObject("/template")
                            .withObject("/metadata").withObject("/labels"), entry.get("pairs"));
                }
            }
        }

        for (JsonNode image : k.path("images")) {
            for (Iterator<String> names = image.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!Set.of("name", "newName", "newTag", "digest").contains(name)) {
                    throw new UnsupportedOperationException(file + ": images[]." + name + " is not supported");
                }
            }
            for (ObjectNode r : resources) {
                for (ArrayNode containers : containerLists(r)) {
                    for (JsonNode c : containers) {
                        retag((ObjectNode) c, image);
                    }
                }
            }
        }
        return resources;
    }

    /** Container lists of a pod spec, a pod template or a CronJob's job template. */
    static List<ArrayNode> containerLists(JsonNode r) {
        List<ArrayNode> out = new ArrayList<>();
        for (JsonNode podSpec : List.of(r.path("spec"), r.path("spec").path("template").path("spec"),
                r.path("spec").path("jobTemplate").path("spec").path("template").path("spec"))) {
            for (String field : List.of("containers", "initContainers")) {
                if (podSpec.path(field).isArray()) {
                    out.add((ArrayNode) podSpec.path(field));
                }
            }
        }
        return out;
    }

    private static void addLabels(ObjectNode labels, JsonNode pairs) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pairs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        int at = current.indexOf('@');
        String withoutDigest = at < 0 ? current : current.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        String name = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
        String tag = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon) : "";
        String digest = at < 0 ? "" : current.substring(at);
        if (!name.equals(image.get("name").asText())) {
            return;
        }
        String newName = image.has("newName") ? image.get("newName").asText() : name;
        if (image.has("digest")) {
            container.put("image", newName + "@" + image.get("digest").asText());
        } else if (image.has("newTag")) {
            container.put("image", newName + ":" + image.get("newTag").asText());
        } else {
            container.put("image", newName + tag + digest);
        }
    }

    private static String gvkn(JsonNode r) {
        return Manifests.group(r) + "|" + r.path("kind").asText() + "|" + r.path("metadata").path("namespace").asText("")
                + "|" + r.path("metadata").path("name").asText();
    }
}
