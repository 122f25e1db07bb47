package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Core Kubernetes and Gateway API resources deserialise into the fabric8 model (kubernetes-model-* from the Quarkus
 * BOM) to the expected class, with no unknown or mistyped field anywhere in them.
 */
class CoreModelTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** Every kind the manifests use outside CRDs, and the model class it must map to. */
    private static final Map<String, Class<? extends HasMetadata>> CORE = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "batch/v1/Job", Job.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "gateway.networking.k8s.io/v1/Gateway", Gateway.class,
            "gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class);

    /** Groups whose kinds are validated by explicit CRD checks in {@link CustomResourceTest}. */
    static final Set<String> CRD_GROUPS = Set.of("kafka.strimzi.io", "postgresql.cnpg.io", "barmancloud.cnpg.io",
            "monitoring.coreos.com", "gateway.envoyproxy.io");

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void overlayCoreResourcesAreValidModelObjects(String overlay) {
        assertAllValid(Manifests.overlay(overlay));
    }

    @Test
    void jobTemplatesAreValidModelObjects() {
        List<ObjectNode> docs = new ArrayList<>();
        for (Path file : Manifests.yamlFiles()) {
            if (Manifests.root().relativize(file).startsWith("jobs")) {
                docs.addAll(Manifests.readAll(file));
            }
        }
        assertThat(docs).isNotEmpty();
        assertAllValid(docs);
    }

    @Test
    void anUnknownFieldIsReported() {
        String deployment = """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},
                 "spec":{"replicas":1,"template":{"spec":{"containers":[{"name":"c","image":"i","livenessProbes":{}}]}}}}
                """;
        assertThat(UnknownFields.of(serialization.unmarshal(deployment, HasMetadata.class)))
                .containsExactly("/spec/template/spec/containers[0]/livenessProbes");
    }

    @Test
    void aMistypedFieldIsReported() {
        String service = """
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"x"},"spec":{"ports":[{"port":"eighty"}]}}
                """;
        assertThatThrownBy(() -> serialization.unmarshal(service, HasMetadata.class))
                .hasStackTraceContaining("eighty");
    }

    private void assertAllValid(List<ObjectNode> resources) {
        int checked = 0;
        for (ObjectNode r : resources) {
            String gv = r.path("apiVersion").asText();
            String key = gv + "/" + r.path("kind").asText();
            if (CRD_GROUPS.contains(Manifests.group(r))) {
                continue;
            }
            assertThat(CORE).as("kind %s of %s is neither a known core kind nor a checked CRD", key, Manifests.id(r))
                    .containsKey(key);
            HasMetadata model = serialization.unmarshal(r.toString(), HasMetadata.class);
            assertThat(model).as(Manifests.id(r)).isNotInstanceOf(GenericKubernetesResource.class)
                    .isInstanceOf(CORE.get(key));
            assertThat(UnknownFields.of(model)).as("unknown or mistyped fields in %s", Manifests.id(r)).isEmpty();
            assertThat(model.getMetadata().getName()).as(Manifests.id(r)).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            checked++;
        }
        assertThat(checked).isPositive();
    }
}
