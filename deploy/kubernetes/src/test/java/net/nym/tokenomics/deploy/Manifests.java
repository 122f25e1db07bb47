package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The manifest tree on disk (deploy/kubernetes) and YAML reading shared by the tests. */
final class Manifests {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String NAMESPACE = "nym-tokenomics";
    static final List<String> OVERLAYS = List.of("small", "production");
    static final List<String> SERVICES =
            List.of("rewards-service", "performance-service", "selection-service", "ticket-ledger-service");

    private Manifests() {
    }

    /** deploy/kubernetes: Surefire passes it in MANIFESTS_DIR; an IDE run from the module directory works too. */
    static Path root() {
        String dir = System.getenv("MANIFESTS_DIR");
        Path root = Path.of(dir != null ? dir : System.getProperty("user.dir")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("base/kustomization.yaml"))) {
            throw new IllegalStateException("not the deploy/kubernetes directory: " + root);
        }
        return root;
    }

    /** Every YAML file of the tree (base, overlays, optional components, job templates), sorted. */
    static List<Path> yamlFiles() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !root.relativize(p).startsWith("target"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All documents of a (possibly multi-document) YAML file; empty documents are skipped. */
    static List<ObjectNode> readAll(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<ObjectNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!(doc instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(file + ": a document is not a mapping: " + doc);
                }
                out.add(object);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    static String id(JsonNode r) {
        return r.path("apiVersion").asText() + "/" + r.path("kind").asText() + " "
                + r.path("metadata").path("namespace").asText("") + "/" + r.path("metadata").path("name").asText();
    }

    static String group(JsonNode r) {
        String apiVersion = r.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static List<ObjectNode> ofKind(List<ObjectNode> resources, String kind) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    static ObjectNode named(List<ObjectNode> resources, String kind, String name) {
        return ofKind(resources, kind).stream()
                .filter(r -> name.equals(r.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    /** The overlay built by the offline resolver. */
    static List<ObjectNode> overlay(String name) {
        return KustomizeBuild.build(root().resolve("overlays").resolve(name));
    }
}
