package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.EpochEnded;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents.RewardedSetSelected;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.application.LogFollower;
import net.nym.tokenomics.performance.application.PerformanceApplication;
import net.nym.tokenomics.performance.application.PerformanceState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/**
 * {@code current_role} in annotations: selection-service's RewardedSetSelected on its topic is recorded in this
 * service's log and the node's role in the latest epoch's set is returned in nym-api's DisplayRole names.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class CurrentRoleTest {

    private static final String ADMIN = TestJwt.bearer("n1admin", "admin");
    private static final String NO_ANNOTATION = "<no annotation>";

    @Inject
    PerformanceApplication app;

    private static String role(long nodeId) {
        JsonPath body = given().get("/v1/nym-nodes/annotation/" + nodeId).then().statusCode(200).extract().jsonPath();
        return body.get("annotation") == null ? NO_ANNOTATION : body.getString("annotation.current_role");
    }

    private static void selected(long epoch, List<Long> entry, List<Long> exit, List<Long> layer1, List<Long> layer2,
                                 List<Long> standby) {
        Fixtures.produce("selection", UUID.randomUUID(), new RewardedSetSelected(epoch, entry, exit, layer1, layer2,
                List.of(), standby, "seed", "proof"));
    }

    private List<StoredEvent> stream(String id) {
        return Transactions.inTransaction(app.dataSource(), c -> new EventStore().readStream(c, id));
    }

    @Test
    void theAnnotationShowsTheRoleInTheLatestRewardedSetAndNullOutsideIt() {
        long entry = Fixtures.freshNodeId();
        long layer1 = Fixtures.freshNodeId();
        long outside = Fixtures.freshNodeId();
        Fixtures.bond(entry, layer1, outside);
        long scored = Fixtures.freshEpoch();
        Instant end = Instant.now();
        Fixtures.produce("selection", UUID.randomUUID(), new EpochEnded(scored, 1, 0, end.minus(Duration.ofHours(1)), end,
                false));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !NO_ANNOTATION.equals(role(outside)));
        assertThat(role(entry)).isNull();

        // Above every epoch the other tests use, so this test's sets are the latest.
        long set = 10_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        selected(set, List.of(entry), List.of(), List.of(layer1), List.of(), List.of());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "entryGateway".equals(role(entry)));
        assertThat(role(layer1)).isEqualTo("layer1");
        assertThat(role(outside)).isNull();

        // A second set for the same epoch and a set of an older epoch (recorded, it is a fact) change nothing.
        selected(set, List.of(), List.of(entry), List.of(), List.of(), List.of());
        selected(set - 1, List.of(), List.of(), List.of(), List.of(), List.of(entry));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> app.state().streamVersion("epoch-" + (set - 1) + "-rewarded-set") == 1);
        assertThat(role(entry)).isEqualTo("entryGateway");
        assertThat(role(layer1)).isEqualTo("layer1");

        // A newer epoch's set replaces it.
        selected(set + 1, List.of(), List.of(), List.of(), List.of(outside), List.of(entry));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "layer2".equals(role(outside)));
        assertThat(role(entry)).isEqualTo("standby");
        assertThat(role(layer1)).isNull();

        assertThat(stream("epoch-" + set + "-rewarded-set")).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("RewardedSetRecorded");
            assertThat(e.metadata()).containsKey(NewEvent.CAUSATION_ID).containsKey(NewEvent.CAUSATION_CONSUMER);
        });

        // Replay: a fresh fold of the log has the same current set, and every published epoch still verifies.
        PerformanceState fresh = app.newState();
        FollowerCatchUp.toHead(new LogFollower(app.dataSource(), fresh), app.dataSource());
        assertThat(fresh.rewardedSet()).isEqualTo(app.state().rewardedSet());
        assertThat(fresh.rewardedSet().epoch()).isEqualTo(set + 1);
        given().header("Authorization", ADMIN).post("/v1/admin/replay-check").then().statusCode(200)
                .body("mismatches", hasSize(0));
    }
}
