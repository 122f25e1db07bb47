package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochPerformanceComputed;
import net.nym.tokenomics.eventlog.decimal.Percent;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.domain.config.ConfigScoreParams;
import net.nym.tokenomics.performance.domain.config.ConfigScorer;
import net.nym.tokenomics.performance.domain.epoch.NodePerformance;
import net.nym.tokenomics.performance.domain.version.ReleaseHistory;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The vertical slice: registry from rewards' topic, the prober against local node stubs, signed measurements,
 * EpochEnded on selection's topic → EpochPerformanceComputed on this service's topic; once per epoch; replayable.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class EpochPerformanceTest {

    private static final String ADMIN = TestJwt.bearer("n1admin", "admin");

    @Inject
    DataSource dataSource;

    @Inject
    PerformanceApplication app;

    /** The release chain every epoch in this run is scored against: 1.1.0 then 1.2.0 (appended once per run). */
    static synchronized void ensureReleases() {
        List<String> history = given().get("/v1/status/config-score-details").then().statusCode(200)
                .extract().jsonPath().getList("version_history.version_information.semver");
        if (history.isEmpty()) {
            for (String v : List.of("1.1.0", "1.2.0")) {
                given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"semver\":\"" + v + "\"}")
                        .post("/v1/admin/releases").then().statusCode(201).body("semver", equalTo(v));
            }
        }
    }

    private List<StoredEvent> stream(String id) {
        return Transactions.inTransaction(dataSource, c -> new EventStore().readStream(c, id));
    }

    private static List<EpochPerformanceComputed> published(long epoch) {
        String topic = Fixtures.topic("performance");
        return LocalInfra.readAll(topic).stream()
                .filter(r -> EpochPerformanceComputed.TYPE.equals(KafkaEnvelope.event(r).eventType()))
                .map(r -> IntegrationEvents.codec().decode(KafkaEnvelope.event(r), EpochPerformanceComputed.class))
                .filter(e -> e.epochId() == epoch).toList();
    }

    private static EpochPerformanceComputed awaitPublished(long epoch) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> !published(epoch).isEmpty());
        return published(epoch).getFirst();
    }

    private static IntegrationEvents.NodePerformance node(EpochPerformanceComputed e, long nodeId) {
        return e.nodes().stream().filter(n -> n.nodeId() == nodeId).findFirst().orElseThrow();
    }

    private static StoredEvent epochEnded(long epoch, Instant end) {
        return Fixtures.produce("selection", UUID.randomUUID(),
                new EpochEnded(epoch, 1, (int) (epoch % 720), end.minus(Duration.ofHours(1)), end, false));
    }

    @Test
    void proberMeasurementsAndEpochEndedGiveOnePublishedResultPerEpoch() throws Exception {
        ensureReleases();
        long good = Fixtures.freshNodeId();
        long outdated = Fixtures.freshNodeId();
        long down = Fixtures.freshNodeId();
        try (NodeStub current = NodeStub.start("nym-node", "1.2.0", true);
             NodeStub old = NodeStub.start("nym-node", "1.1.0", true)) {
            Map<Long, Integer> ports = new LinkedHashMap<>();
            ports.put(good, current.port());
            ports.put(outdated, old.port());
            ports.put(down, NodeStub.closedPort());
            Fixtures.bond("127.0.0.1", ports);

            given().header("Authorization", ADMIN).post("/v1/admin/probe").then().statusCode(200);
        }

        // The prober's findings are events in the log.
        StoredEvent described = stream("node-" + good + "-self-description").getLast();
        assertThat(described.eventType()).isEqualTo("NodeDescribed");
        assertThat(described.payload().replaceAll("\\s", "")).contains("\"build_version\":\"1.2.0\"")
                .contains("\"accepted_terms\":true").contains("\"binary_name\":\"nym-node\"");
        assertThat(stream("node-" + outdated + "-self-description").getLast().payload().replaceAll("\\s", ""))
                .contains("\"build_version\":\"1.1.0\"");
        assertThat(stream("node-" + down + "-self-description").getLast().eventType()).isEqualTo("NodeUnreachable");

        // One signed measurement per node.
        long ts = Fixtures.nextTimestamp();
        var results = List.of(Fixtures.result(good, 90), Fixtures.result(outdated, 80), Fixtures.result(down, 70));
        Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED, results, ts)).then().statusCode(200);
        Instant t0 = Instant.now();

        long base = Fixtures.freshEpoch();
        long inWindow = base;
        long endedBefore = base + 1;
        long windowStartsBefore = base + 2;
        long windowStartsAfter = base + 3;
        StoredEvent first = epochEnded(inWindow, t0.plusSeconds(60));
        EpochPerformanceComputed e1 = awaitPublished(inWindow);

        assertThat(e1.nodes()).isSortedAccordingTo((x, y) -> Long.compare(x.nodeId(), y.nodeId()));
        assertThat(e1.stateDigest()).hasSize(64);
        var g = node(e1, good);
        assertThat(g.routingScore()).isEqualTo(0.9);
        assertThat(g.configScore()).isEqualTo(1.0);
        assertThat(g.performance()).isEqualTo(Percent.naiveFromF64OrZero(0.9));
        assertThat(g.measurementCount()).isEqualTo(1);
        assertThat(g.reasons()).isEmpty();
        var o = node(e1, outdated);
        double outdatedConfig = new ConfigScorer(ReleaseHistory.of(t0, "1.1.0", "1.2.0"), ConfigScoreParams.DEFAULT)
                .versionScore(10);
        assertThat(outdatedConfig).isStrictlyBetween(0.0, 1.0);
        assertThat(o.configScore()).isEqualTo(outdatedConfig);
        assertThat(o.performance()).isEqualTo(Percent.naiveFromF64OrZero(0.8 * outdatedConfig));
        assertThat(o.reasons()).containsExactly("OUTDATED_VERSION");
        var d = node(e1, down);
        assertThat(d.routingScore()).isEqualTo(0.7);
        assertThat(d.performance()).isEqualTo(Percent.ZERO);
        assertThat(d.reasons()).containsExactly("NODE_UNREACHABLE");
        // The annotation is read from the history table: every field as the published result in memory has it.
        for (long id : List.of(good, outdated, down)) {
            assertAnnotationIsTheResultOf(inWindow, id);
        }

        // Duplicates: the same event again and a second EpochEnded for the same epoch change nothing.
        Fixtures.send(Fixtures.topic("selection"), first);
        epochEnded(inWindow, t0.plusSeconds(120));
        // Window edges: the measurement was recorded at ~t0.
        epochEnded(endedBefore, t0.minus(Duration.ofHours(2)));
        epochEnded(windowStartsBefore, t0.plus(Duration.ofHours(23)));
        epochEnded(windowStartsAfter, t0.plus(Duration.ofHours(25)));
        var e2 = awaitPublished(endedBefore);
        var e3 = awaitPublished(windowStartsBefore);
        var e4 = awaitPublished(windowStartsAfter);
        assertThat(published(inWindow)).hasSize(1);
        List<StoredEvent> epochStream = stream("epoch-" + inWindow + "-performance");
        assertThat(epochStream).filteredOn(e -> e.eventType().equals("EpochPerformanceComputed")).hasSize(1);
        // The domain result is stored in parts of at most 2 nodes in tests (epoch-nodes-per-event), in one transaction.
        assertThat(epochStream).filteredOn(e -> e.eventType().equals("EpochPerformanceResultColumns"))
                .hasSize((e1.nodes().size() + 1) / 2);
        assertThat(epochStream).extracting(StoredEvent::transactionId).containsOnly(epochStream.getFirst().transactionId());

        assertThat(node(e2, good).measurementCount()).isZero();
        // Its window ended before the probe too: no self-description at or before the epoch end.
        assertThat(node(e2, good).reasons()).containsExactly("NO_MEASUREMENTS", "NO_SELF_DESCRIPTION");
        assertThat(node(e3, good).measurementCount()).isEqualTo(1);
        assertThat(node(e3, good).routingScore()).isEqualTo(0.9);
        assertThat(node(e4, good).measurementCount()).isZero();
        assertThat(e3.windowStart()).isEqualTo(t0.plus(Duration.ofHours(23)).minus(Duration.ofHours(24)));

        // Operators' reads: the newest epoch (windowStartsAfter) and the per-epoch history, newest first.
        given().get("/v1/nym-nodes/annotation/" + good).then().statusCode(200)
                .body("node_id", equalTo((int) good))
                .body("annotation.last_24h_performance", equalTo("0"))
                .body("annotation.detailed_performance.routing_score.score", equalTo(0.0f))
                .body("annotation.detailed_performance.config_score.score", equalTo(1.0f))
                .body("annotation.detailed_performance.config_score.runs_nym_node_binary", equalTo(true))
                .body("annotation.current_role", nullValue());
        given().get("/v1/nym-nodes/performance/" + good).then().statusCode(200).body("performance", equalTo(0.0f));
        String historyJson = given().queryParam("per_page", 2).queryParam("page", 1)
                .get("/v1/nym-nodes/performance-history/" + good).then().statusCode(200)
                .body("history.pagination.total", equalTo(4))
                .body("history.data", hasSize(2)).extract().asString();
        var history = net.nym.tokenomics.eventlog.json.Json.mapper().readTree(historyJson).path("history").path("data");
        assertThat(history.get(0).path("epoch_id").asLong()).isEqualTo(endedBefore);
        assertThat(history.get(1).path("epoch_id").asLong()).isEqualTo(inWindow);
        assertThat(history.get(1).path("performance").asDouble()).isEqualTo(Percent.naiveFromF64OrZero(0.9).toDouble());
        given().get("/v1/nym-nodes/annotation/" + Fixtures.freshNodeId()).then().statusCode(404)
                .body("field", equalTo("node_id"));

        // A fresh fold of the log recomputes every published epoch with the same results and digests.
        var report = given().header("Authorization", ADMIN).post("/v1/admin/replay-check").then().statusCode(200)
                .body("mismatches", hasSize(0)).extract().jsonPath();
        for (var e : List.of(e1, e2, e3, e4)) {
            assertThat(report.getString("digests." + e.epochId())).isEqualTo(e.stateDigest());
        }

        // The performance history, dropped and rebuilt from the log by the admin path, equals the live one row for row.
        List<List<String>> live = historyRows();
        assertThat(live).filteredOn(r -> r.get(0).equals(Long.toString(good))).extracting(r -> r.get(1))
                .contains(Long.toString(endedBefore), Long.toString(inWindow));
        given().header("Authorization", TestJwt.bearer("n1someone", "account")).post("/v1/admin/read-models/rebuild").then()
                .statusCode(403);
        given().header("Authorization", ADMIN).post("/v1/admin/read-models/rebuild").then().statusCode(200);
        assertThat(historyRows()).isEqualTo(live);
        // as at start-up after a rebuild from Kafka (the log without the table's rows): rebuilt when behind, else not
        assertThat(app.rebuildHistoryIfBehindLog()).isFalse();
        Transactions.inTransaction(dataSource, c -> {
            try (var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM node_epoch_performance");
            }
            return null;
        });
        assertThat(app.rebuildHistoryIfBehindLog()).isTrue();
        assertThat(historyRows()).isEqualTo(live);
        given().queryParam("from_epoch", inWindow).queryParam("to_epoch", inWindow)
                .get("/v1/nym-nodes/performance-history/" + good).then().statusCode(200)
                .body("history.pagination.total", equalTo(1)).body("history.data[0].epoch_id", equalTo(inWindow));
    }

    /**
     * The node's annotation and performance over HTTP carry exactly the result of {@code epoch}, the newest epoch that
     * scored the node, as the state in memory folded it.
     */
    private void assertAnnotationIsTheResultOf(long epoch, long nodeId) throws Exception {
        var published = await().atMost(Duration.ofSeconds(30)).until(() -> app.state().epochsNewestFirst().stream()
                .filter(p -> p.epoch() == epoch).findFirst(), java.util.Optional::isPresent).orElseThrow();
        NodePerformance n = published.result().nodes().stream().filter(x -> x.nodeId() == nodeId).findFirst().orElseThrow();
        var a = net.nym.tokenomics.eventlog.json.Json.mapper().readTree(given().get("/v1/nym-nodes/annotation/" + nodeId)
                .then().statusCode(200).extract().asString()).path("annotation");
        assertThat(a.path("epoch_id").asLong()).isEqualTo(epoch);
        assertThat(a.path("performance").asText()).isEqualTo(n.performance().toString());
        assertThat(a.path("last_24h_performance").asText()).isEqualTo(n.last24hPerformance().toString());
        var detailed = a.path("detailed_performance");
        assertThat(detailed.path("performance_score").asDouble()).isEqualTo(n.performanceScore());
        assertThat(detailed.path("routing_score").path("score").asDouble()).isEqualTo(n.routingScore());
        var config = detailed.path("config_score");
        assertThat(config.path("score").asDouble()).isEqualTo(n.configScore().score());
        assertThat(config.path("versions_behind").isNull() ? null : config.path("versions_behind").asLong())
                .isEqualTo(n.configScore().versionsBehind());
        assertThat(config.path("self_described_api_available").asBoolean()).isEqualTo(n.configScore().selfDescribedApiAvailable());
        assertThat(config.path("accepted_terms_and_conditions").asBoolean()).isEqualTo(n.configScore().acceptedTermsAndConditions());
        assertThat(config.path("runs_nym_node_binary").asBoolean()).isEqualTo(n.configScore().runsNymNodeBinary());
        List<String> reasons = new java.util.ArrayList<>();
        a.path("reasons").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons).isEqualTo(n.reasons().stream().map(Enum::name).toList());
        assertThat(net.nym.tokenomics.eventlog.json.Json.mapper().readTree(given().get("/v1/nym-nodes/performance/" + nodeId)
                .then().statusCode(200).extract().asString()).path("performance").asDouble())
                .isEqualTo(n.last24hPerformance().toDouble());
    }

    /** Every row of the performance history as PostgreSQL prints it, in key order. */
    private List<List<String>> historyRows() {
        return Transactions.inTransaction(dataSource, c -> {
            List<List<String>> rows = new java.util.ArrayList<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT * FROM node_epoch_performance ORDER BY node_id, epoch_id")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new java.util.ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
    }

    @Test
    void releasesAreAnAdminCommandAndTheChainIsPublic() {
        ensureReleases();
        given().get("/v1/status/config-score-details").then().statusCode(200)
                .body("parameters.version_weights.major", equalTo(100))
                .body("parameters.version_weights.minor", equalTo(10))
                .body("parameters.version_score_formula_params.penalty", equalTo(0.995f))
                .body("parameters.version_score_formula_params.penalty_scaling", equalTo(1.65f))
                .body("version_history[0].id", equalTo(0))
                .body("version_history[0].version_information.semver", equalTo("1.1.0"))
                .body("version_history[1].version_information.semver", equalTo("1.2.0"));
        String body = "{\"semver\":\"9.9.9\"}";
        given().contentType(ContentType.JSON).body(body).post("/v1/admin/releases").then().statusCode(401);
        given().header("Authorization", TestJwt.bearer("n1someone", "account")).contentType(ContentType.JSON).body(body)
                .post("/v1/admin/releases").then().statusCode(403);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"semver\":\"not-a-version\"}")
                .post("/v1/admin/releases").then().statusCode(400).body("field", equalTo("semver"))
                .body("error", equalTo("invalid_version"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"semver\":\"1.0.0\"}")
                .post("/v1/admin/releases").then().statusCode(409).body("field", equalTo("semver"));
        given().get("/v1/status/config-score-details").then().body("version_history", hasSize(2));
    }

    @Test
    void anUnbondedNodeIsNoLongerScored() {
        long stays = Fixtures.freshNodeId();
        long leaves = Fixtures.freshNodeId();
        Fixtures.bond(stays, leaves);
        Fixtures.produce("rewards", UUID.randomUUID(), new IntegrationEvents.NodeUnbonded(leaves, 2));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                stream("node-registry").stream().anyMatch(e -> "RegistryNodeUnbonded".equals(e.eventType())
                        && e.payload().replaceAll("\\s", "").contains("\"node_id\":" + leaves + ",")));
        long epoch = Fixtures.freshEpoch();
        epochEnded(epoch, Instant.now());
        EpochPerformanceComputed result = awaitPublished(epoch);
        assertThat(result.nodes()).extracting(IntegrationEvents.NodePerformance::nodeId).contains(stays).doesNotContain(leaves);
        // Never bonded is a 404; bonded once (even if unbonded since) is known.
        given().get("/v1/nym-nodes/performance/" + leaves).then().statusCode(200);
    }
}
