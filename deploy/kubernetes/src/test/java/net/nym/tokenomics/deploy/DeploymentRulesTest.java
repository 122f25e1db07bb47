package net.nym.tokenomics.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment rules of issue 8, asserted on each built overlay (and on the job templates). */
class DeploymentRulesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** Only these may have a HorizontalPodAutoscaler (README, "Scale"). */
    private static final Set<String> SCALE_OUT = Set.of("ticket-ledger-service");

    /** Service → (its own topic, the topics it consumes). */
    private static final Map<String, List<String>> TOPICS = Map.of(
            "rewards-service", List.of("nym.rewards.events", "nym.selection.events", "nym.performance.events", "nym.ticket-ledger.events"),
            "performance-service", List.of("nym.performance.events", "nym.selection.events", "nym.rewards.events"),
            "selection-service", List.of("nym.selection.events", "nym.rewards.events", "nym.performance.events"),
            "ticket-ledger-service", List.of("nym.ticket-ledger.events", "nym.selection.events", "nym.rewards.events"));

    /** A service's dead-letter topic (ADR 0010): its own topic + ".dlq", as event-log's topics.dlq.* defaults. */
    private static String deadLetterTopic(List<String> topics) {
        return topics.getFirst() + ".dlq";
    }

    /** Secrets created by hand or by another tool before deploying (each is documented in README.md). */
    private static final Set<String> EXTERNAL_SECRETS = Set.of("nym-jwt-public-key", "nym-api-tls", "pg-backup-s3",
            "nym-network-monitors");

    /** The one documented exception to "database, Kafka and DNS only": performance-service's node prober. */
    private static final String PROBER = "performance-service";
    private static final Set<String> PRIVATE_RANGES =
            Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16");

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void everyServiceContainerHasProbesResourcesAndARestrictedSecurityContext(String overlay) {
        List<ObjectNode> deployments = Manifests.ofKind(Manifests.overlay(overlay), "Deployment");
        assertThat(deployments).extracting(d -> d.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
        for (ObjectNode d : deployments) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            assertRestrictedPod(Manifests.id(d), pod);
            for (JsonNode c : pod.path("containers")) {
                String where = Manifests.id(d) + " container " + c.path("name").asText();
                assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).as(where).isEqualTo("/q/health/started");
                assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).as(where).isEqualTo("/q/health/live");
                assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).as(where).isEqualTo("/q/health/ready");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(c.path(probe).path("httpGet").path("port").asText()).as(where + " " + probe).isEqualTo("http");
                }
                assertThat(c.path("ports").findValuesAsText("name")).as(where).contains("http");
            }
        }
    }

    @Test
    void jobTemplatesRunRestricted() throws Exception {
        Path jobs = Manifests.root().resolve("jobs");
        try (var files = Files.list(jobs)) {
            for (Path f : files.toList()) {
                for (ObjectNode r : Manifests.readAll(f)) {
                    if (r.path("kind").asText().equals("Job")) {
                        assertRestrictedPod(Manifests.id(r), r.path("spec").path("template").path("spec"));
                    }
                }
            }
        }
    }

    /** Issue 14 finding 7: the services that take or probe node hosts refuse private ones in every deployment. */
    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void nodeHostsMustBePublic(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        for (String svc : List.of("rewards-service", "performance-service")) {
            JsonNode config = Manifests.named(all, "ConfigMap", svc + "-config").path("data");
            assertThat(config.path("NYM_NODES_ALLOW_PRIVATE_HOSTS").asText()).as(svc).isEqualTo("false");
            JsonNode c = Manifests.named(all, "Deployment", svc).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            assertThat(c.path("env").findValuesAsText("name")).as(svc).doesNotContain("NYM_NODES_ALLOW_PRIVATE_HOSTS");
            assertThat(c.path("env").toString() + c.path("args").toString()).as(svc).doesNotContain("allow-private-hosts");
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void configComesFromConfigMapsAndCredentialsFromOperatorSecrets(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        ObjectNode kafka = Manifests.ofKind(all, "Kafka").getFirst();
        String kafkaName = kafka.path("metadata").path("name").asText();
        int tlsPort = kafka.path("spec").path("kafka").path("listeners").get(0).path("port").asInt();
        for (String svc : Manifests.SERVICES) {
            ObjectNode d = Manifests.named(all, "Deployment", svc);
            JsonNode c = d.path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(c.path("envFrom").findValuesAsText("name")).as(svc).contains(svc + "-config");
            JsonNode config = Manifests.named(all, "ConfigMap", svc + "-config").path("data");
            for (String key : List.of("PG_HOST", "PG_PORT", "PG_DATABASE", "KAFKA_BOOTSTRAP_SERVERS", "HTTP_PORT", "JWT_PUBLIC_KEY_LOCATION")) {
                assertThat(config.path(key).asText()).as(svc + " " + key).isNotBlank();
            }
            String db = ownDatabaseCluster(svc);
            assertThat(config.path("PG_HOST").asText()).as(svc).isEqualTo(db + "-rw");
            assertThat(config.path("PG_PORT").asText()).isEqualTo("5432");
            assertThat(config.path("PG_DATABASE").asText()).as(svc)
                    .isEqualTo(Manifests.named(all, "Cluster", db).path("spec").path("bootstrap").path("initdb").path("database").asText());
            assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(kafkaName + "-kafka-bootstrap:" + tlsPort);
            assertThat(c.path("ports").get(0).path("containerPort").asText()).as(svc).isEqualTo(config.path("HTTP_PORT").asText());

            Map<String, JsonNode> env = new java.util.HashMap<>();
            c.path("env").forEach(e -> env.put(e.path("name").asText(), e));
            for (String[] secretEnv : new String[][] {{"PG_USER", "username"}, {"PG_PASSWORD", "password"}}) {
                JsonNode ref = env.get(secretEnv[0]).path("valueFrom").path("secretKeyRef");
                assertThat(ref.path("name").asText()).as(svc + " " + secretEnv[0]).isEqualTo(db + "-app");
                assertThat(ref.path("key").asText()).isEqualTo(secretEnv[1]);
                assertThat(env.get(secretEnv[0]).has("value")).isFalse();
            }
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo(svc);
            String keyDir = Path.of(config.path("JWT_PUBLIC_KEY_LOCATION").asText()).getParent().toString();
            String jwtVolume = mountAt(c, keyDir);
            assertThat(volume(d, jwtVolume).path("secret").path("secretName").asText()).as(svc).isEqualTo("nym-jwt-public-key");
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void performanceServiceTakesTheMonitorAllowListFromASecretItCannotStartWithout(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        JsonNode c = Manifests.named(all, "Deployment", "performance-service").path("spec").path("template").path("spec")
                .path("containers").get(0);
        JsonNode signers = null;
        for (JsonNode e : c.path("env")) {
            if (e.path("name").asText().equals("MONITOR_ALLOWED_SIGNERS")) {
                signers = e;
            }
        }
        assertThat(signers).as("performance-service sets MONITOR_ALLOWED_SIGNERS (performance.submission.allowed-signers)").isNotNull();
        JsonNode ref = signers.path("valueFrom").path("secretKeyRef");
        assertThat(ref.path("name").asText()).isEqualTo("nym-network-monitors");
        assertThat(ref.path("key").asText()).isEqualTo("allowed-signers");
        assertThat(ref.path("optional").asBoolean(false)).as("an empty allow-list would refuse every submission").isFalse();
        assertThat(signers.has("value")).isFalse();
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void everyReferencedSecretIsGeneratedByAnOperatorOrDocumented(String overlay) throws Exception {
        List<ObjectNode> all = Manifests.overlay(overlay);
        Set<String> generated = new HashSet<>();
        Manifests.ofKind(all, "Cluster").forEach(c -> generated.add(c.path("metadata").path("name").asText() + "-app"));
        Manifests.ofKind(all, "KafkaUser").forEach(u -> generated.add(u.path("metadata").path("name").asText()));
        Manifests.ofKind(all, "Kafka").forEach(k -> generated.add(k.path("metadata").path("name").asText() + "-cluster-ca-cert"));
        Set<String> configMaps = new HashSet<>();
        Manifests.ofKind(all, "ConfigMap").forEach(c -> configMaps.add(c.path("metadata").path("name").asText()));
        String readme = Files.readString(Manifests.root().resolve("README.md"));
        for (ObjectNode r : all) {
            for (String secret : r.findValuesAsText("secretName")) {
                assertSecretKnown(r, secret, generated, readme);
            }
            for (JsonNode ref : r.findValues("secretKeyRef")) {
                assertSecretKnown(r, ref.path("name").asText(), generated, readme);
            }
            for (JsonNode ref : r.findValues("certificateRefs")) {
                ref.forEach(c -> assertSecretKnown(r, c.path("name").asText(), generated, readme));
            }
            for (JsonNode ref : r.findValues("s3Credentials")) {
                ref.forEach(c -> assertSecretKnown(r, c.path("name").asText(), generated, readme));
            }
            for (JsonNode ref : r.findValues("configMapRef")) {
                assertThat(configMaps).as(Manifests.id(r)).contains(ref.path("name").asText());
            }
            r.findValues("configMap").forEach(v -> assertThat(configMaps).as(Manifests.id(r)).contains(v.path("name").asText()));
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void autoscalersOnlyWhereScalingOutIsSafe(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        Set<String> scaled = new HashSet<>();
        for (ObjectNode hpa : Manifests.ofKind(all, "HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            assertThat(target.path("kind").asText()).isEqualTo("Deployment");
            String name = target.path("name").asText();
            assertThat(SCALE_OUT).as("HPA on %s", name).contains(name);
            Manifests.named(all, "Deployment", name);
            int partitions = Manifests.ofKind(all, "KafkaTopic").stream().mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElseThrow();
            assertThat(hpa.path("spec").path("maxReplicas").asInt()).as("no more consumers than partitions")
                    .isBetween(hpa.path("spec").path("minReplicas").asInt(), partitions);
            scaled.add(name);
        }
        assertThat(scaled).isEqualTo(SCALE_OUT);
        for (ObjectNode d : Manifests.ofKind(all, "Deployment")) {
            String name = d.path("metadata").path("name").asText();
            if (scaled.contains(name)) {
                assertThat(d.path("spec").has("replicas")).as("%s: the HPA owns the replica count", name).isFalse();
            } else {
                assertThat(d.path("spec").path("replicas").asInt()).as("%s runs per-epoch computations: one replica", name).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void everyDeploymentHasADisruptionBudgetAServiceAndConsistentSelectors(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        for (ObjectNode d : Manifests.ofKind(all, "Deployment")) {
            JsonNode podLabels = d.path("spec").path("template").path("metadata").path("labels");
            assertThat(matches(d.path("spec").path("selector").path("matchLabels"), podLabels)).as(Manifests.id(d)).isTrue();
            assertThat(Manifests.ofKind(all, "PodDisruptionBudget").stream()
                    .filter(p -> matches(p.path("spec").path("selector").path("matchLabels"), podLabels)).count())
                    .as("PDB for %s", Manifests.id(d)).isEqualTo(1);
            List<ObjectNode> services = Manifests.ofKind(all, "Service").stream()
                    .filter(s -> matches(s.path("spec").path("selector"), podLabels)).toList();
            assertThat(services).as("Service for %s", Manifests.id(d)).hasSize(1);
            assertThat(services.getFirst().path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void everyServiceTopicIsKeptForever(String overlay) {
        List<ObjectNode> topics = Manifests.ofKind(Manifests.overlay(overlay), "KafkaTopic");
        Set<String> names = new HashSet<>();
        for (ObjectNode t : topics) {
            names.add(t.path("spec").path("topicName").asText());
            assertThat(t.path("spec").path("config").path("retention.ms").asText()).as(Manifests.id(t)).isEqualTo("-1");
            assertThat(t.path("spec").path("config").path("retention.bytes").asText()).as(Manifests.id(t)).isEqualTo("-1");
            assertThat(t.path("spec").path("config").path("cleanup.policy").asText()).as(Manifests.id(t)).isEqualTo("delete");
        }
        Set<String> expected = new HashSet<>();
        TOPICS.values().forEach(v -> {
            expected.add(v.getFirst());
            expected.add(deadLetterTopic(v));
        });
        assertThat(names).isEqualTo(expected);
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void kafkaUsersWriteTheirOwnTopicAndReadOnlyWhatTheyConsume(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        for (String svc : Manifests.SERVICES) {
            ObjectNode user = Manifests.named(all, "KafkaUser", svc);
            Set<String> written = new HashSet<>();
            Set<String> read = new HashSet<>();
            Set<String> groups = new HashSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode res = acl.path("resource");
                Set<String> ops = CustomResourceTest.texts(acl.path("operations"));
                assertThat(ops).as("%s: no All, no admin operations", svc).doesNotContain("All", "Alter", "Delete", "Create", "ClusterAction");
                switch (res.path("type").asText()) {
                    case "topic" -> {
                        assertThat(res.path("patternType").asText()).as("%s: literal topic names", svc).isEqualTo("literal");
                        if (ops.contains("Write")) {
                            written.add(res.path("name").asText());
                        }
                        if (ops.contains("Read")) {
                            read.add(res.path("name").asText());
                        }
                    }
                    case "group" -> {
                        assertThat(res.path("patternType").asText()).isEqualTo("prefix");
                        groups.add(res.path("name").asText());
                    }
                    default -> throw new AssertionError(svc + ": unexpected ACL resource " + res);
                }
            }
            List<String> topics = TOPICS.get(svc);
            assertThat(written).as(svc + " writes its topic and parks on its dead-letter topic")
                    .containsExactlyInAnyOrder(topics.getFirst(), deadLetterTopic(topics));
            List<String> readable = new java.util.ArrayList<>(topics);
            readable.add(deadLetterTopic(topics));
            assertThat(read).as(svc + " reads").containsExactlyInAnyOrderElementsOf(readable);
            assertThat(groups).as(svc + " consumer groups").containsExactly(svc);
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @FieldSource("OVERLAYS")
    void eachServiceReachesOnlyItsDatabaseKafkaAndDns(String overlay) {
        List<ObjectNode> all = Manifests.overlay(overlay);
        for (String svc : Manifests.SERVICES) {
            JsonNode podLabels = Manifests.named(all, "Deployment", svc).path("spec").path("template").path("metadata").path("labels");
            List<ObjectNode> policies = Manifests.ofKind(all, "NetworkPolicy").stream()
                    .filter(p -> matches(p.path("spec").path("podSelector").path("matchLabels"), podLabels)).toList();
            assertThat(policies).as("NetworkPolicy of " + svc).hasSize(1);
            JsonNode spec = policies.getFirst().path("spec");
            assertThat(CustomResourceTest.texts(spec.path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");

            Set<String> reached = new HashSet<>();
            for (JsonNode rule : spec.path("egress")) {
                assertThat(rule.path("to").isEmpty()).as("%s: an egress rule without 'to' allows everything", svc).isFalse();
                Set<String> ports = new HashSet<>();
                rule.path("ports").forEach(p -> ports.add(p.path("protocol").asText("TCP") + "/" + p.path("port").asText("*")));
                for (JsonNode peer : rule.path("to")) {
                    String kind = classifyEgressPeer(svc, peer, ports);
                    reached.add(kind);
                }
            }
            Set<String> expected = new HashSet<>(Set.of("dns", "database:" + ownDatabaseCluster(svc), "kafka"));
            if (svc.equals(PROBER)) {
                expected.add("public-internet");
            }
            assertThat(reached).as("%s egress", svc).isEqualTo(expected);

            for (JsonNode rule : spec.path("ingress")) {
                assertThat(rule.path("from").isEmpty()).as("%s: an ingress rule without 'from' admits everyone", svc).isFalse();
                for (JsonNode peer : rule.path("from")) {
                    String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText();
                    assertThat(peer.has("ipBlock")).isFalse();
                    if (ns.equals("envoy-gateway-system")) {
                        assertThat(peer.path("podSelector").path("matchLabels").path("gateway.envoyproxy.io/owning-gateway-name").asText())
                                .isEqualTo("nym-api");
                    } else {
                        assertThat(ns).as("%s ingress from", svc).isEqualTo("monitoring");
                        assertThat(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo("prometheus");
                    }
                }
            }
        }
    }

    /** Names an egress peer (dns, database:X, kafka, public-internet) or fails the test for anything else. */
    private static String classifyEgressPeer(String svc, JsonNode peer, Set<String> ports) {
        JsonNode pods = peer.path("podSelector").path("matchLabels");
        if (peer.has("ipBlock")) {
            assertThat(svc).as("only %s may reach addresses by ipBlock", PROBER).isEqualTo(PROBER);
            assertThat(peer.path("ipBlock").path("cidr").asText()).isEqualTo("0.0.0.0/0");
            assertThat(CustomResourceTest.texts(peer.path("ipBlock").path("except"))).as("cluster ranges stay closed")
                    .containsAll(PRIVATE_RANGES);
            assertThat(ports).isEqualTo(Set.of("TCP/*"));
            return "public-internet";
        }
        if (peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText().equals("kube-system")) {
            assertThat(pods.path("k8s-app").asText()).isEqualTo("kube-dns");
            assertThat(ports).isEqualTo(Set.of("UDP/53", "TCP/53"));
            return "dns";
        }
        assertThat(peer.has("namespaceSelector")).as("%s: egress to another namespace: %s", svc, peer).isFalse();
        if (pods.has("cnpg.io/cluster")) {
            String cluster = pods.path("cnpg.io/cluster").asText();
            assertThat(cluster).as("%s may reach only its own database", svc).isEqualTo(ownDatabaseCluster(svc));
            assertThat(ports).isEqualTo(Set.of("TCP/5432"));
            return "database:" + cluster;
        }
        if (pods.has("strimzi.io/cluster")) {
            assertThat(pods.path("strimzi.io/broker-role").asText()).isEqualTo("true");
            assertThat(ports).isEqualTo(Set.of("TCP/9093"));
            return "kafka";
        }
        throw new AssertionError(svc + ": egress to an unexpected peer " + peer);
    }

    static String ownDatabaseCluster(String service) {
        return service.replace("-service", "-db");
    }

    private static void assertRestrictedPod(String where, JsonNode pod) {
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(where + " runAsNonRoot").isTrue();
        assertThat(pod.path("securityContext").path("runAsUser").asInt(0)).as(where + " runAsUser").isPositive();
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).as(where).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(where + " no API token").isFalse();
        assertThat(pod.path("hostNetwork").asBoolean(false) || pod.path("hostPID").asBoolean(false)).as(where).isFalse();
        for (JsonNode c : pod.path("containers")) {
            String w = where + " container " + c.path("name").asText();
            JsonNode sc = c.path("securityContext");
            assertThat(sc.path("allowPrivilegeEscalation").isBoolean() && !sc.path("allowPrivilegeEscalation").asBoolean())
                    .as(w + " allowPrivilegeEscalation false").isTrue();
            assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(w + " readOnlyRootFilesystem").isTrue();
            assertThat(sc.path("privileged").asBoolean(false)).as(w).isFalse();
            assertThat(CustomResourceTest.texts(sc.path("capabilities").path("drop"))).as(w + " drops ALL").containsExactly("ALL");
            assertThat(sc.path("capabilities").path("add").isMissingNode() || sc.path("capabilities").path("add").isEmpty()).isTrue();
            String tmp = mountAt(c, "/tmp");
            assertThat(volumeIn(pod, tmp).has("emptyDir")).as(w + " /tmp is an emptyDir").isTrue();
            for (String resource : List.of("cpu", "memory")) {
                JsonNode request = c.path("resources").path("requests").path(resource);
                JsonNode limit = c.path("resources").path("limits").path(resource);
                assertThat(request.isMissingNode() || limit.isMissingNode()).as(w + " requests and limits of " + resource).isFalse();
                assertThat(Quantity.getAmountInBytes(new Quantity(limit.asText())))
                        .as(w + " limit >= request for " + resource)
                        .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(new Quantity(request.asText())));
            }
        }
    }

    private static String mountAt(JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("mountPath").asText().equals(path)) {
                return m.path("name").asText();
            }
        }
        throw new AssertionError(container.path("name").asText() + ": nothing mounted at " + path);
    }

    private static JsonNode volume(JsonNode deployment, String name) {
        return volumeIn(deployment.path("spec").path("template").path("spec"), name);
    }

    private static JsonNode volumeIn(JsonNode pod, String name) {
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static void assertSecretKnown(JsonNode r, String secret, Set<String> generated, String readme) {
        if (generated.contains(secret)) {
            return;
        }
        assertThat(EXTERNAL_SECRETS).as("Secret %s referenced by %s is neither operator-generated nor a documented external Secret",
                secret, Manifests.id(r)).contains(secret);
        assertThat(readme).as("README documents Secret " + secret).contains("`" + secret + "`");
    }

    /** Label selector semantics for matchLabels (and Service selectors): every pair present with the same value. */
    static boolean matches(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
