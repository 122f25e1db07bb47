package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CRD-based resources (Strimzi, CloudNativePG and its Barman Cloud plugin, Prometheus Operator, Envoy Gateway)
 * against the fields their CRDs require and the enums they allow, plus the references between them. These are
 * explicit checks of what the manifests use, not a schema validation: the full OpenAPI schemas are checked by
 * kubeconform with the CRD catalog in a connected CI (README, "Validation").
 */
class CustomResourceTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    private static final Set<String> KNOWN = Set.of(
            "kafka.strimzi.io/v1beta2/Kafka", "kafka.strimzi.io/v1beta2/KafkaNodePool",
            "kafka.strimzi.io/v1beta2/KafkaTopic", "kafka.strimzi.io/v1beta2/KafkaUser",
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore", "monitoring.coreos.com/v1/ServiceMonitor",
            "gateway.envoyproxy.io/v1alpha1/SecurityPolicy", "gateway.envoyproxy.io/v1alpha1/BackendTrafficPolicy");
    private static final Set<String> ACL_OPERATIONS = Set.of("Read", "Write", "Create", "Delete", "Alter", "Describe",
            "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All");

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void everyCustomResourceKindIsChecked(String overlay) {
        for (ObjectNode r : Manifests.overlay(overlay)) {
            if (CoreModelTest.CRD_GROUPS.contains(Manifests.group(r))) {
                assertThat(KNOWN).as(Manifests.id(r)).contains(r.path("apiVersion").asText() + "/" + r.path("kind").asText());
            }
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void strimziKafkaInKraftModeWithNodePools(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        List<ObjectNode> kafkas = Manifests.ofKind(all, "Kafka");
        assertThat(kafkas).hasSize(1);
        ObjectNode kafka = kafkas.getFirst();
        String cluster = kafka.path("metadata").path("name").asText();
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("spec").has("zookeeper")).as("no ZooKeeper in KRaft mode").isFalse();
        JsonNode spec = kafka.path("spec").path("kafka");
        assertThat(spec.has("replicas") || spec.has("storage")).as("replicas and storage belong to the node pools").isFalse();
        assertThat(spec.path("listeners").isArray() && !spec.path("listeners").isEmpty()).isTrue();
        for (JsonNode l : spec.path("listeners")) {
            assertThat(l.path("name").asText()).matches("[a-z0-9]{1,11}");
            assertThat(l.path("port").isInt() && l.path("port").asInt() >= 9092).as("listener port").isTrue();
            assertThat(l.path("type").asText()).isIn("internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip");
            assertThat(l.path("tls").isBoolean()).as("listener tls is required").isTrue();
            assertThat(l.path("authentication").path("type").asText()).isIn("tls", "scram-sha-512", "oauth", "custom");
        }
        assertThat(spec.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(kafka.path("spec").path("entityOperator").has("topicOperator")).isTrue();
        assertThat(kafka.path("spec").path("entityOperator").has("userOperator")).isTrue();

        List<ObjectNode> pools = Manifests.ofKind(all, "KafkaNodePool");
        assertThat(pools).isNotEmpty();
        int brokers = 0;
        int controllers = 0;
        for (ObjectNode pool : pools) {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            JsonNode ps = pool.path("spec");
            assertThat(ps.path("replicas").isInt()).as("replicas is required").isTrue();
            Set<String> roles = texts(ps.path("roles"));
            assertThat(roles).isNotEmpty().isSubsetOf("controller", "broker");
            assertThat(ps.path("storage").path("type").asText()).isIn("jbod", "persistent-claim", "ephemeral");
            for (JsonNode v : ps.path("storage").path("volumes")) {
                assertThat(v.path("id").isInt()).isTrue();
                assertThat(v.path("type").asText()).isIn("persistent-claim", "ephemeral");
                if (v.path("type").asText().equals("persistent-claim")) {
                    assertThat(v.path("size").asText()).matches("[0-9]+(Mi|Gi|Ti)");
                    assertThat(v.path("deleteClaim").asBoolean(true)).as("volumes survive deletion of the cluster").isFalse();
                }
            }
            if (roles.contains("broker")) {
                brokers += ps.path("replicas").asInt();
            }
            if (roles.contains("controller")) {
                controllers += ps.path("replicas").asInt();
            }
        }
        assertThat(controllers % 2).as("an odd KRaft controller quorum").isEqualTo(1);
        int replicationFactor = spec.path("config").path("default.replication.factor").asInt();
        assertThat(replicationFactor).isBetween(1, brokers);
        if (overlay.equals("production")) {
            assertThat(brokers).isGreaterThanOrEqualTo(3);
            assertThat(replicationFactor).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        }

        for (ObjectNode topic : Manifests.ofKind(all, "KafkaTopic")) {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            JsonNode ts = topic.path("spec");
            assertThat(ts.path("partitions").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(ts.path("replicas").asInt()).isBetween(1, brokers);
            assertThat(ts.path("config").path("min.insync.replicas").asInt()).isLessThanOrEqualTo(ts.path("replicas").asInt());
        }
        for (ObjectNode user : Manifests.ofKind(all, "KafkaUser")) {
            assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            assertThat(user.path("spec").path("authentication").path("type").asText()).isIn("tls", "tls-external", "scram-sha-512");
            assertThat(user.path("spec").path("authorization").path("type").asText()).isEqualTo("simple");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode res = acl.path("resource");
                assertThat(res.path("type").asText()).isIn("topic", "group", "cluster", "transactionalId");
                if (!res.path("type").asText().equals("cluster")) {
                    assertThat(res.path("name").asText()).isNotBlank();
                    assertThat(res.path("patternType").asText("literal")).isIn("literal", "prefix");
                }
                assertThat(texts(acl.path("operations"))).isNotEmpty().isSubsetOf(ACL_OPERATIONS);
            }
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void cloudNativePgClustersAndBackups(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        Set<String> clusters = new HashSet<>();
        Set<String> stores = new HashSet<>();
        Manifests.ofKind(all, "ObjectStore").forEach(s -> {
            assertThat(s.path("spec").path("configuration").path("destinationPath").asText()).startsWith("s3://");
            stores.add(s.path("metadata").path("name").asText());
        });
        for (ObjectNode c : Manifests.ofKind(all, "Cluster")) {
            clusters.add(c.path("metadata").path("name").asText());
            JsonNode spec = c.path("spec");
            assertThat(spec.path("instances").asInt()).as("instances is required").isGreaterThanOrEqualTo(1);
            assertThat(spec.path("storage").path("size").asText()).matches("[0-9]+(Mi|Gi|Ti)");
            assertThat(spec.path("bootstrap").path("initdb").path("database").asText()).matches("[a-z_]+");
            assertThat(spec.path("bootstrap").path("initdb").path("owner").asText()).matches("[a-z_]+");
            assertThat(spec.path("imageName").asText()).contains("postgresql:15");
            for (JsonNode plugin : spec.path("plugins")) {
                assertThat(plugin.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
                assertThat(stores).contains(plugin.path("parameters").path("barmanObjectName").asText());
            }
            if (overlay.equals("production")) {
                assertThat(spec.path("instances").asInt()).isEqualTo(3);
                assertThat(StreamSupport.stream(spec.path("plugins").spliterator(), false)
                        .anyMatch(p -> p.path("isWALArchiver").asBoolean())).as("WAL archive for PITR").isTrue();
            }
        }
        assertThat(clusters).hasSize(Manifests.SERVICES.size());
        List<ObjectNode> backups = Manifests.ofKind(all, "ScheduledBackup");
        if (overlay.equals("production")) {
            assertThat(backups).hasSize(clusters.size());
        }
        for (ObjectNode b : backups) {
            assertThat(b.path("spec").path("schedule").asText().split(" ")).as("six-field cron").hasSize(6);
            assertThat(clusters).contains(b.path("spec").path("cluster").path("name").asText());
            assertThat(b.path("spec").path("method").asText()).isIn("barmanObjectStore", "volumeSnapshot", "plugin");
            if (b.path("spec").path("method").asText().equals("plugin")) {
                assertThat(b.path("spec").path("pluginConfiguration").path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
            }
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void serviceMonitorsScrapeQuarkusMetrics(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        List<ObjectNode> monitors = Manifests.ofKind(all, "ServiceMonitor");
        assertThat(monitors).hasSize(Manifests.SERVICES.size());
        for (ObjectNode m : monitors) {
            JsonNode selector = m.path("spec").path("selector").path("matchLabels");
            assertThat(selector.isEmpty()).as("selector is required").isFalse();
            List<ObjectNode> services = Manifests.ofKind(all, "Service").stream()
                    .filter(s -> DeploymentRulesTest.matches(selector, s.path("metadata").path("labels"))).toList();
            assertThat(services).as("%s selects one Service", Manifests.id(m)).hasSize(1);
            Set<String> portNames = new HashSet<>();
            services.getFirst().path("spec").path("ports").forEach(p -> portNames.add(p.path("name").asText()));
            assertThat(m.path("spec").path("endpoints").isEmpty()).isFalse();
            for (JsonNode e : m.path("spec").path("endpoints")) {
                assertThat(portNames).contains(e.path("port").asText());
                assertThat(e.path("path").asText()).isEqualTo("/q/metrics");
            }
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void envoySecurityPoliciesTargetExistingRoutesAndDeclaredProviders(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        List<ObjectNode> policies = Manifests.ofKind(all, "SecurityPolicy");
        if (overlay.equals("production")) {
            assertThat(policies).isNotEmpty();
        }
        for (ObjectNode p : policies) {
            JsonNode spec = p.path("spec");
            assertThat(spec.path("targetRefs").isEmpty()).as("targetRefs is required").isFalse();
            for (JsonNode ref : spec.path("targetRefs")) {
                assertThat(ref.path("group").asText()).isEqualTo("gateway.networking.k8s.io");
                assertThat(ref.path("kind").asText()).isIn("Gateway", "HTTPRoute");
                Manifests.named(all, ref.path("kind").asText(), ref.path("name").asText());
            }
            List<String> providers = new ArrayList<>();
            for (JsonNode provider : spec.path("jwt").path("providers")) {
                assertThat(provider.path("name").asText()).isNotBlank();
                assertThat(provider.path("issuer").asText()).isEqualTo("nym-tokenomics");
                assertThat(texts(provider.path("audiences"))).as("the services' mp.jwt.verify.audiences").containsExactly("nym-tokenomics-api");
                assertThat(provider.path("remoteJWKS").path("uri").asText()).startsWith("https://");
                providers.add(provider.path("name").asText());
            }
            assertThat(providers).isNotEmpty();
            if (spec.has("authorization")) {
                assertThat(spec.path("authorization").path("defaultAction").asText()).isEqualTo("Deny");
                for (JsonNode rule : spec.path("authorization").path("rules")) {
                    assertThat(rule.path("action").asText()).isIn("Allow", "Deny");
                    assertThat(providers).contains(rule.path("principal").path("jwt").path("provider").asText());
                }
            }
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void postsAreRateLimitedPerClientAtTheGatewayInProduction(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        List<ObjectNode> policies = Manifests.ofKind(all, "BackendTrafficPolicy");
        if (overlay.equals("production")) {
            assertThat(policies).isNotEmpty();
        }
        for (ObjectNode p : policies) {
            JsonNode spec = p.path("spec");
            assertThat(spec.path("targetRefs").isEmpty()).as("targetRefs is required").isFalse();
            for (JsonNode ref : spec.path("targetRefs")) {
                assertThat(ref.path("group").asText()).isEqualTo("gateway.networking.k8s.io");
                assertThat(ref.path("kind").asText()).isEqualTo("Gateway");
                Manifests.named(all, "Gateway", ref.path("name").asText());
            }
            JsonNode rateLimit = spec.path("rateLimit");
            // Distinct (per client) selectors are only honoured by the global rate limit service
            assertThat(rateLimit.path("type").asText()).isEqualTo("Global");
            JsonNode rules = rateLimit.path("global").path("rules");
            assertThat(rules.isEmpty()).isFalse();
            for (JsonNode rule : rules) {
                for (JsonNode selector : rule.path("clientSelectors")) {
                    assertThat(selector.path("sourceCIDR").path("type").asText()).as("per client address").isEqualTo("Distinct");
                    assertThat(selector.path("headers").findValuesAsText("value")).as("POST only").containsExactly("POST");
                    assertThat(selector.path("headers").findValuesAsText("name")).containsExactly(":method");
                }
                assertThat(rule.path("limit").path("requests").asInt()).isPositive();
                assertThat(rule.path("limit").path("unit").asText()).isIn("Second", "Minute", "Hour", "Day");
            }
        }
    }

    static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
