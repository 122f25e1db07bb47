package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every YAML file of the tree parses, and every resource in it is addressable and in the application namespace. */
class ManifestFilesTest {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    @Test
    void everyManifestParsesAndNamesItsResources() {
        List<Path> files = Manifests.yamlFiles();
        assertThat(files).hasSizeGreaterThan(15);
        int resources = 0;
        for (Path file : files) {
            List<ObjectNode> docs = Manifests.readAll(file);
            assertThat(docs).as(file.toString()).isNotEmpty();
            for (ObjectNode doc : docs) {
                String where = Manifests.root().relativize(file) + ": " + Manifests.id(doc);
                assertThat(doc.path("apiVersion").asText()).as(where).isNotBlank();
                assertThat(doc.path("kind").asText()).as(where).isNotBlank();
                if (doc.path("kind").asText().equals("Kustomization")) {
                    continue;
                }
                assertThat(doc.path("metadata").path("name").asText()).as(where).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
                if (!CLUSTER_SCOPED.contains(doc.path("kind").asText())) {
                    assertThat(doc.path("metadata").path("namespace").asText()).as(where).isEqualTo(Manifests.NAMESPACE);
                }
                resources++;
            }
        }
        assertThat(resources).isGreaterThan(40);
    }

    @Test
    void everyManifestFileIsUsedByAnOverlayOrIsAJobTemplate() {
        Set<String> used = new HashSet<>();
        for (String overlay : Manifests.OVERLAYS) {
            Manifests.overlay(overlay).forEach(r -> used.add(Manifests.id(r)));
        }
        for (Path file : Manifests.yamlFiles()) {
            Path rel = Manifests.root().relativize(file);
            if (rel.startsWith("jobs") || rel.getFileName().toString().equals("kustomization.yaml") || rel.toString().contains("/patches/")) {
                continue;
            }
            for (ObjectNode doc : Manifests.readAll(file)) {
                assertThat(used).as("%s in %s is in no overlay", Manifests.id(doc), rel).contains(Manifests.id(doc));
            }
        }
    }
}
