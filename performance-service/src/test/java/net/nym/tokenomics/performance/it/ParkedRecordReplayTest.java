package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.testing.InboxFault;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's replay, on the channel {@code registry-inputs}: a NodeBonded (rewards-service's topic) that the
 * database refuses is parked after its attempts and the nodes bonded after it are registered; the admin endpoint lists
 * it; once the fault is removed a replay registers the node exactly once, and a second replay applies nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class ParkedRecordReplayTest {

    private static final String RECORDED = ConsumerRecoveryTest.RECORDED;

    @Inject
    DataSource dataSource;

    @Test
    void aParkedRecordIsListedAndReplayedExactlyOnceAfterItsCauseIsRemoved() {
        String admin = TestJwt.bearer("n1operator", "admin");
        String dlq = ConfigProvider.getConfig().getValue("topics.dlq.performance", String.class);
        long node = Fixtures.freshNodeId();
        UUID eventId = UUID.randomUUID();
        try (InboxFault fault = InboxFault.refuse(dataSource, eventId)) {
            ConsumerRecoveryTest.produceBonded(node, eventId);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> LocalInfra.readAll(dlq).stream()
                    .anyMatch(r -> KafkaEnvelope.eventId(r).equals(eventId)));
            // the records after it are applied
            Fixtures.bond(Fixtures.freshNodeId());
            assertThat(given().get("/v1/nym-nodes/performance/" + node).statusCode()).isEqualTo(404);

            given().get("/v1/admin/parked-records").then().statusCode(401);
            JsonPath entry = given().header("Authorization", admin).get("/v1/admin/parked-records").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> parked = entry.getMap("find { it.event_id == '" + eventId + "' }");
            assertThat(parked).containsEntry("dlq_topic", dlq).containsEntry("topic", Fixtures.topic("rewards"))
                    .containsEntry("partition", 0).containsEntry("event_type", IntegrationEvents.NodeBonded.TYPE);
            assertThat((String) parked.get("reason")).contains(eventId.toString(), "test fault");
            String replay = "/v1/admin/parked-records/" + dlq + "/" + parked.get("dlq_partition") + "/"
                    + parked.get("dlq_offset") + "/replay";

            // still faulty: the replay fails and applies nothing
            given().header("Authorization", admin).post(replay).then().statusCode(409);
            assertThat(InboxFault.inboxRows(dataSource, eventId)).isZero();
            assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).isEmpty();
            fault.close();

            JsonPath first = given().header("Authorization", admin).post(replay).then().statusCode(200).extract().jsonPath();
            assertThat(first.getString("channel")).isEqualTo("registry-inputs");
            assertThat(first.getString("event_id")).isEqualTo(eventId.toString());
            assertThat(first.getBoolean("applied")).isTrue();
            // the replay appended the registration; the read model serves the node once the follower folded it
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().get("/v1/nym-nodes/performance/" + node).statusCode() == 200);
            assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).containsExactly(RECORDED);

            JsonPath second = given().header("Authorization", admin).post(replay).then().statusCode(200).extract().jsonPath();
            assertThat(second.getBoolean("applied")).isFalse();
            assertThat(InboxFault.inboxRows(dataSource, eventId)).isEqualTo(1);
            assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).containsExactly(RECORDED);
        }
        given().header("Authorization", admin).post("/v1/admin/parked-records/" + dlq + "/0/999999/replay")
                .then().statusCode(404);
    }
}
