package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offline resolver's own behaviour, on small kustomizations written here. */
class KustomizeBuildTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              namespace: ns
            spec:
              replicas: 2
              template:
                metadata:
                  labels:
                    app: app
                spec:
                  containers:
                    - name: app
                      image: app
                      resources:
                        limits:
                          cpu: "1"
                    - name: sidecar
                      image: sidecar:1.0
            """;

    @Test
    void patchesMergeContainersByNameThenLabelsAndImagesApply() throws Exception {
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                """);
        write("base/deployment.yaml", DEPLOYMENT);
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../base
                labels:
                  - pairs:
                      env: test
                    includeTemplates: true
                images:
                  - name: app
                    newName: registry/app
                    newTag: "2"
                patches:
                  - path: patch.yaml
                """);
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                  namespace: ns
                spec:
                  replicas: null
                  template:
                    spec:
                      containers:
                        - name: app
                          resources:
                            requests:
                              cpu: 100m
                """);
        List<ObjectNode> out = KustomizeBuild.build(dir.resolve("overlay"));
        assertThat(out).hasSize(1);
        ObjectNode d = out.getFirst();
        assertThat(d.path("spec").has("replicas")).isFalse();
        assertThat(d.at("/spec/template/spec/containers/0/resources/limits/cpu").asText()).isEqualTo("1");
        assertThat(d.at("/spec/template/spec/containers/0/resources/requests/cpu").asText()).isEqualTo("100m");
        assertThat(d.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry/app:2");
        assertThat(d.at("/spec/template/spec/containers/1/image").asText()).isEqualTo("sidecar:1.0");
        assertThat(d.at("/metadata/labels/env").asText()).isEqualTo("test");
        assertThat(d.at("/spec/template/metadata/labels/env").asText()).isEqualTo("test");
        assertThat(d.at("/spec/template/metadata/labels/app").asText()).isEqualTo("app");
    }

    @Test
    void anUnsupportedKustomizationFieldFailsTheBuild() throws Exception {
        write("k/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namePrefix: x-
                resources: []
                """);
        assertThatThrownBy(() -> KustomizeBuild.build(dir.resolve("k")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("namePrefix");
    }

    @Test
    void aPatchWithoutTargetFailsTheBuild() throws Exception {
        write("k/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - deployment.yaml
                patches:
                  - path: patch.yaml
                """);
        write("k/deployment.yaml", DEPLOYMENT);
        write("k/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: other
                  namespace: ns
                spec:
                  replicas: 1
                """);
        assertThatThrownBy(() -> KustomizeBuild.build(dir.resolve("k"))).hasMessageContaining("matches 0 resources");
    }

    @Test
    void customResourceListsAreReplacedWhole() throws Exception {
        ObjectNode target = (ObjectNode) Manifests.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaNodePool
                metadata: {name: p}
                spec: {roles: [controller, broker], storage: {volumes: [{id: 0, size: 1Gi}, {id: 1, size: 1Gi}]}}
                """);
        ObjectNode patch = (ObjectNode) Manifests.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaNodePool
                metadata: {name: p}
                spec: {storage: {volumes: [{id: 0, size: 5Gi}]}}
                """);
        StrategicMerge.apply(target, patch);
        assertThat(target.at("/spec/storage/volumes").size()).isEqualTo(1);
        assertThat(target.at("/spec/storage/volumes/0/size").asText()).isEqualTo("5Gi");
        assertThat(target.at("/spec/roles").size()).isEqualTo(2);
    }

    private void write(String relative, String text) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
