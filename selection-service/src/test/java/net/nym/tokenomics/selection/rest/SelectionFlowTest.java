package net.nym.tokenomics.selection.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.messaging.InboxDelivery;
import net.nym.tokenomics.eventlog.quarkus.InboxChannels;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.application.SelectedSet;
import net.nym.tokenomics.selection.application.SelectionService;
import net.nym.tokenomics.selection.verify.VerifySelection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The service end to end in MANUAL mode: admin advance → EpochEnded on the topic; inputs on the rewards and
 * performance topics → RewardedSetSelected(e+1) and EpochStarted(e+1) on the topic and in the REST reads; duplicates
 * change nothing; the proof verifies and a tampered one does not. The clock is shared by the tests of this run, so each
 * test starts from whatever epoch is running and uses node ids of its own.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class SelectionFlowTest {

    private static final String STREAM = SelectionService.DEFAULT_STREAM;

    @ConfigProperty(name = "topics.rewards")
    String rewardsTopic;
    @ConfigProperty(name = "topics.performance")
    String performanceTopic;
    @ConfigProperty(name = "topics.selection")
    String selectionTopic;
    @ConfigProperty(name = "selection.consumer-name")
    String consumerName;
    @Inject
    InboxChannels channels;
    @Inject
    SelectionService service;
    @Inject
    javax.sql.DataSource dataSource;
    @TestHTTPResource("/")
    URL base;

    private static Duration deadline() {
        return Duration.ofSeconds(60);
    }

    private JsonPath current() {
        return given().get("/v1/epochs/current").then().statusCode(200).extract().jsonPath();
    }

    /** Running epoch id; completes a pending transition first with empty inputs. */
    private long running() {
        JsonPath c = current();
        if ("awaiting_rewarded_set".equals(c.getString("state"))) {
            long e = c.getLong("epoch_id");
            Fixtures.send(rewardsTopic, Fixtures.snapshot(e, 1, 1, 3, 0, Map.of()));
            Fixtures.send(performanceTopic, Fixtures.performance(e, Map.of()));
            await().atMost(deadline()).until(() -> "in_progress".equals(current().getString("state")));
        }
        return current().getLong("epoch_id");
    }

    private long advance() {
        return given().header("Authorization", TestJwt.bearer("admin-account", "admin"))
                .post("/v1/admin/epochs/advance").then().statusCode(200).extract().jsonPath().getLong("ended_epoch_id");
    }

    /** Integration events of this service's own stream on its topic, of one type, decoded. */
    private <T> List<T> published(Class<T> type, String typeName) {
        List<T> out = new ArrayList<>();
        LocalInfra.readAll(selectionTopic).stream().filter(r -> STREAM.equals(r.key())).map(KafkaEnvelope::event)
                .filter(e -> e.eventType().equals(typeName))
                .forEach(e -> out.add(IntegrationEvents.codec().decode(e, type)));
        return out;
    }

    @Test
    void advanceRequiresTheAdminRoleAndPublishesEpochEnded() {
        long e = running();
        given().post("/v1/admin/epochs/advance").then().statusCode(401);
        given().header("Authorization", TestJwt.bearer("someone", "account")).post("/v1/admin/epochs/advance")
                .then().statusCode(403);
        assertThat(current().getLong("epoch_id")).isEqualTo(e);
        assertThat(current().getString("state")).isEqualTo("in_progress");

        assertThat(advance()).isEqualTo(e);
        given().get("/v1/epochs/current").then().statusCode(200)
                .body("state", equalTo("awaiting_rewarded_set"))
                .body("waiting_for", org.hamcrest.Matchers.hasItem("StakeSnapshotTaken(" + e + ")"));
        // a second advance while the next set is awaited is a conflict
        given().header("Authorization", TestJwt.bearer("admin-account", "admin")).post("/v1/admin/epochs/advance")
                .then().statusCode(409).body("field", equalTo("epoch_id"));
        await().atMost(deadline()).untilAsserted(() -> assertThat(
                published(IntegrationEvents.EpochEnded.class, IntegrationEvents.EpochEnded.TYPE))
                .filteredOn(x -> x.epochId() == e).singleElement()
                .satisfies(x -> assertThat(x.lastInInterval()).isFalse()));
        running();
    }

    @Test
    void inputsInAnyOrderSelectTheNextSetOnceAndPublishIt() throws Exception {
        long e = running();
        long n = Fixtures.nodeBase();
        assertThat(advance()).isEqualTo(e);
        // performance first, then the snapshot, the registrations last: the selection waits for all of them
        Fixtures.send(performanceTopic, Fixtures.performance(e, Map.of(n, "0.99", n + 1, "0.98", n + 2, "1", n + 3, "0.97",
                n + 4, "0.96", n + 5, "0.5")));
        var snapshot = Fixtures.stored(Fixtures.snapshot(e, 1, 1, 3, 1, Map.of(n, 8_000_000L, n + 1, 6_000_000L,
                n + 2, 9_000_000L, n + 3, 5_000_000L, n + 4, 7_000_000L, n + 5, 1_000_000L)));
        Fixtures.send(rewardsTopic, snapshot);
        await().atMost(deadline()).until(() -> current().getList("waiting_for").contains("NodeBonded(" + n + ")"));
        Fixtures.send(rewardsTopic, Fixtures.bonded(n, "alice", false, true, true));
        Fixtures.send(rewardsTopic, Fixtures.bonded(n + 1, "bob", false, true, true));
        Fixtures.send(rewardsTopic, Fixtures.bonded(n + 2, "carol", true, false, false));
        Fixtures.send(rewardsTopic, Fixtures.bonded(n + 3, "carol", true, false, false));
        Fixtures.send(rewardsTopic, Fixtures.bonded(n + 4, "dave", true, false, false));
        Fixtures.send(rewardsTopic, Fixtures.bonded(n + 5, "erin", true, true, false));

        await().atMost(deadline()).until(() -> current().getLong("epoch_id") == e + 1
                && "in_progress".equals(current().getString("state")));
        JsonPath set = given().get("/v1/nym-nodes/rewarded-set").then().statusCode(200).extract().jsonPath();
        assertThat(set.getLong("epoch_id")).isEqualTo(e + 1);
        List<Long> all = new ArrayList<>();
        for (String list : List.of("entry_gateways", "exit_gateways", "layer1", "layer2", "layer3", "standby")) {
            all.addAll(set.getList(list, Long.class));
        }
        assertThat(all).containsExactlyInAnyOrder(n, n + 1, n + 2, n + 3, n + 4, n + 5);
        assertThat(set.getList("layer1", Long.class).size() + set.getList("layer2", Long.class).size()
                + set.getList("layer3", Long.class).size()).isEqualTo(3);

        await().atMost(deadline()).untilAsserted(() -> {
            assertThat(published(IntegrationEvents.RewardedSetSelected.class, IntegrationEvents.RewardedSetSelected.TYPE))
                    .filteredOn(x -> x.epochId() == e + 1).singleElement().satisfies(x -> {
                        assertThat(x.entryGateways()).isEqualTo(set.getList("entry_gateways", Long.class));
                        assertThat(x.layer1()).isEqualTo(set.getList("layer1", Long.class));
                        assertThat(x.standby()).isEqualTo(set.getList("standby", Long.class));
                        assertThat(x.proofDigest()).hasSize(64);
                    });
            assertThat(published(IntegrationEvents.EpochStarted.class, IntegrationEvents.EpochStarted.TYPE))
                    .filteredOn(x -> x.epochId() == e + 1).hasSize(1);
        });
        JsonPath perEpoch = given().get("/v1/epochs/" + (e + 1) + "/rewarded-set").then().statusCode(200).extract().jsonPath();
        assertThat(perEpoch.getList("layer2", Long.class)).isEqualTo(set.getList("layer2", Long.class));
        String digest = perEpoch.getString("proof_digest");
        long version = service.view().version();

        // duplicates: the same snapshot again (inbox) and a different snapshot of the same epoch (first one wins)
        InboxDelivery consumer = channels.channels().get("selection-inputs");
        assertThat(consumer.consumerName()).isEqualTo(consumerName);
        long seen = consumer.appliedCount() + consumer.duplicateCount();
        Fixtures.send(rewardsTopic, snapshot);
        Fixtures.send(rewardsTopic, Fixtures.snapshot(e, 2, 2, 6, 0, Map.of(n, 1L)));
        Fixtures.send(performanceTopic, Fixtures.performance(e, Map.of(n, "0.1")));
        await().atMost(deadline()).until(() -> consumer.appliedCount() + consumer.duplicateCount() >= seen + 3);
        assertThat(consumer.duplicateCount()).isGreaterThanOrEqualTo(1);
        assertThat(service.view().version()).isEqualTo(version);
        given().get("/v1/epochs/" + (e + 1) + "/rewarded-set").then().statusCode(200).body("proof_digest", equalTo(digest));
        assertThat(published(IntegrationEvents.RewardedSetSelected.class, IntegrationEvents.RewardedSetSelected.TYPE))
                .filteredOn(x -> x.epochId() == e + 1).hasSize(1);

        // the proof verifies, fetched by URL and from a file; a tampered copy is reported
        URL proofUrl = new URL(base, "v1/epochs/" + (e + 1) + "/selection-proof");
        VerifySelection.Result fromUrl = VerifySelection.run(proofUrl.toString());
        assertThat(fromUrl.ok()).as(fromUrl.message()).isTrue();
        assertThat(fromUrl.message()).contains(digest);
        String proof = given().get("/v1/epochs/" + (e + 1) + "/selection-proof").then().statusCode(200).extract().asString();
        Path file = Files.createTempFile("proof-", ".json");
        Files.writeString(file, proof);
        assertThat(runMain(file)).isEqualTo(0);

        JsonPath p = JsonPath.from(proof);
        long moved = p.getLong("result.entry_gateways[0]");
        long other = moved == n ? n + 1 : n;
        String tampered = proof.replace("\"entry_gateways\":[" + moved + "]", "\"entry_gateways\":[" + other + "]");
        assertThat(tampered).isNotEqualTo(proof);
        Path bad = Files.createTempFile("proof-tampered-", ".json");
        Files.writeString(bad, tampered);
        VerifySelection.Result verdict = VerifySelection.run(bad.toString());
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.message()).startsWith("MISMATCH").contains("entry_gateways");
        assertThat(runMain(bad)).isEqualTo(1);
        Files.delete(file);
        Files.delete(bad);

        // the whole stored log folds again to the same sets and digests
        SelectionService.LogVerification check = service.verifyLog();
        assertThat(check.firstMismatch()).isEmpty();
        assertThat(check.selectionsVerified()).isEqualTo(service.view().selections());
    }

    /** Runs the verifier as the command it is: a separate JVM, its exit code. */
    private static int runMain(Path proof) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VerifySelection.class.getName(), proof.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).containsAnyOf("OK epoch", "MISMATCH");
        return process.exitValue();
    }

    @Test
    void rebuildFromKafkaAloneGivesTheSameSetsAndDigests() {
        long e = running();
        long n = Fixtures.nodeBase();
        advance();
        Fixtures.send(rewardsTopic, Fixtures.bonded(n, "frank", true, true, true));
        Fixtures.send(rewardsTopic, Fixtures.snapshot(e, 1, 1, 3, 0, Map.of(n, 5_000_000L)));
        Fixtures.send(performanceTopic, Fixtures.performance(e, Map.of(n, "0.99")));
        await().atMost(deadline()).until(() -> selected(e + 1));
        long version = service.view().version();
        await().atMost(deadline()).until(() -> LocalInfra.readAll(selectionTopic).stream()
                .filter(r -> STREAM.equals(r.key())).count() == version);

        javax.sql.DataSource empty = LocalInfra.freshSchema("selection_rebuild", "classpath:db/migration");
        var imported = new net.nym.tokenomics.eventlog.replay.KafkaLogImporter()
                .importTopic(empty, LocalInfra.kafkaConfig(), selectionTopic, "selection-rebuild");
        assertThat(imported.events()).isGreaterThanOrEqualTo(version);
        assertThat(imported.inboxEntries()).isPositive();
        SelectionService rebuilt = new SelectionService(empty, service.settings());
        SelectionService.LogVerification check = rebuilt.verifyLog();
        assertThat(check.firstMismatch()).isEmpty();
        assertThat(check.selectionsVerified()).isEqualTo(service.view().selections());
        assertThat(rebuilt.view().lastSelected()).isEqualTo(service.view().lastSelected());
        assertThat(rebuilt.view().selections()).isEqualTo(service.view().selections());
        assertThat(rebuilt.view().clock()).isEqualTo(service.view().clock());
        // the import brought the log, not the read model: starting on it finds the last set's row missing and
        // rebuilds the rows, equal to the live ones
        assertThat(Fixtures.rewardedSetRows(empty, STREAM)).isEmpty();
        rebuilt.start(java.time.Instant.now());
        assertThat(Fixtures.rewardedSetRows(empty, STREAM)).hasSize((int) service.view().selections())
                .isEqualTo(Fixtures.rewardedSetRows(dataSource, STREAM));
    }

    /** Whether the set of {@code epoch} is selected (the fold keeps the last set; every one has its row). */
    private boolean selected(long epoch) {
        SelectedSet last = service.view().lastSelected();
        return last != null && last.epochId() >= epoch;
    }

    @Test
    void pastSetsAreServedFromTheReadModelAndARebuildWritesTheSameRows() {
        long e = running();
        long n = Fixtures.nodeBase();
        advance();
        Fixtures.send(rewardsTopic, Fixtures.bonded(n, "grace", true, true, true));
        Fixtures.send(rewardsTopic, Fixtures.snapshot(e, 1, 1, 3, 0, Map.of(n, 7_000_000L)));
        Fixtures.send(performanceTopic, Fixtures.performance(e, Map.of(n, "0.97")));
        await().atMost(deadline()).until(() -> selected(e + 1));
        // e + 1 is the fold's last set now; after the next selection it is only a row
        String fromTheFold = given().get("/v1/epochs/" + (e + 1) + "/rewarded-set").then().statusCode(200).extract().asString();
        long next = running();
        advance();
        Fixtures.send(rewardsTopic, Fixtures.snapshot(next, 1, 1, 3, 0, Map.of(n, 7_000_000L)));
        Fixtures.send(performanceTopic, Fixtures.performance(next, Map.of(n, "0.98")));
        await().atMost(deadline()).until(() -> selected(next + 1));
        assertThat(given().get("/v1/epochs/" + (e + 1) + "/rewarded-set").then().statusCode(200).extract().asString())
                .isEqualTo(fromTheFold);

        List<String> live = Fixtures.rewardedSetRows(dataSource, STREAM);
        assertThat(live).hasSize((int) service.view().selections());
        given().post("/v1/admin/read-models/rebuild").then().statusCode(401);
        given().header("Authorization", TestJwt.bearer("someone", "account")).post("/v1/admin/read-models/rebuild")
                .then().statusCode(403);
        given().header("Authorization", TestJwt.bearer("admin-account", "admin")).post("/v1/admin/read-models/rebuild")
                .then().statusCode(200).body("sets", equalTo((int) service.view().selections()));
        assertThat(Fixtures.rewardedSetRows(dataSource, STREAM)).isEqualTo(live);
        running();
    }

    @Test
    void badAndUnknownEpochsAreRefusedWithAJsonBody() {
        given().get("/v1/epochs/abc/rewarded-set").then().statusCode(400)
                .body("field", equalTo("epoch_id")).body("error", equalTo("invalid_field"));
        given().get("/v1/epochs/-1/selection-proof").then().statusCode(400).body("field", equalTo("epoch_id"));
        given().get("/v1/epochs/999999999/rewarded-set").then().statusCode(404).body("field", equalTo("epoch_id"));
        given().get("/v1/epochs/999999999/selection-proof").then().statusCode(404);
        given().get("/v1/epochs/0/rewarded-set").then().statusCode(200).body("epoch_id", equalTo(0));
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("selection_epoch_id"))
                .body(org.hamcrest.Matchers.containsString("selection_awaiting_rewarded_set"));
    }

}
