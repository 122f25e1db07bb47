package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the offline resolver honest: where a {@code kubectl} with its built-in Kustomize is on the PATH (it is on the
 * development machine; a CI without it skips this test), {@code kubectl kustomize overlays/<name>} must produce exactly
 * the resources {@link KustomizeBuild} produces, field for field.
 */
class KustomizeCrossCheckTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void offlineBuildEqualsKubectlKustomize(String overlay) throws Exception {
        Path kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl not on the PATH");
        Path out = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Process p = new ProcessBuilder(kubectl.toString(), "kustomize", Manifests.root().resolve("overlays").resolve(overlay).toString())
                .redirectOutput(out.toFile())
                .redirectErrorStream(false)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("kubectl kustomize: " + err).isZero();

        Map<String, ObjectNode> real = byId(Manifests.readAll(out));
        Map<String, ObjectNode> offline = byId(Manifests.overlay(overlay));
        Files.delete(out);
        assertThat(offline.keySet()).isEqualTo(real.keySet());
        for (String id : real.keySet()) {
            assertThat(offline.get(id)).as(id).isEqualTo(real.get(id));
        }
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> resources) {
        Map<String, ObjectNode> out = new TreeMap<>();
        resources.forEach(r -> out.put(Manifests.id(r), r));
        return out;
    }

    private static Path onPath(String binary) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, binary);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
