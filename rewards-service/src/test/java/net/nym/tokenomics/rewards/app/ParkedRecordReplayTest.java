package net.nym.tokenomics.rewards.app;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's replay, on the channel {@code epoch-inputs}: an EpochEnded (selection topic) that the database
 * refuses is parked after its attempts and the inputs after it are recorded; the admin endpoint lists it; once the
 * fault is removed a replay records it in the {@code epoch-inputs} stream exactly once, and a second replay records
 * nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class ParkedRecordReplayTest {

    private static final String RECORDED = ConsumerRecoveryTest.RECORDED;

    @Inject
    DataSource dataSource;

    @Test
    void aParkedRecordIsListedAndReplayedExactlyOnceAfterItsCauseIsRemoved() {
        String admin = TestJwt.bearer("n1operator", "admin");
        String dlq = ConfigProvider.getConfig().getValue("topics.dlq.rewards", String.class);
        UUID eventId = UUID.randomUUID();
        try (InboxFault fault = InboxFault.refuse(dataSource, eventId)) {
            InputTopics.publish(InputTopics.SELECTION, ConsumerRecoveryTest.futureEpochEnded(), eventId);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> LocalInfra.readAll(dlq).stream()
                    .anyMatch(r -> KafkaEnvelope.eventId(r).equals(eventId)));
            // the records after it are applied
            UUID next = InputTopics.publish(InputTopics.SELECTION, ConsumerRecoveryTest.futureEpochEnded());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> InboxFault.eventTypesCausedBy(dataSource, next).equals(List.of(RECORDED)));
            assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).isEmpty();

            given().get("/v1/admin/parked-records").then().statusCode(401);
            JsonPath entry = given().header("Authorization", admin).get("/v1/admin/parked-records").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> parked = entry.getMap("find { it.event_id == '" + eventId + "' }");
            assertThat(parked).containsEntry("dlq_topic", dlq).containsEntry("topic", InputTopics.SELECTION)
                    .containsEntry("partition", 0).containsEntry("event_type", IntegrationEvents.EpochEnded.TYPE);
            assertThat((String) parked.get("reason")).contains(eventId.toString(), "test fault");
            String replay = "/v1/admin/parked-records/" + dlq + "/" + parked.get("dlq_partition") + "/"
                    + parked.get("dlq_offset") + "/replay";

            // still faulty: the replay fails and applies nothing
            given().header("Authorization", admin).post(replay).then().statusCode(409);
            assertThat(InboxFault.inboxRows(dataSource, eventId)).isZero();
            assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).isEmpty();
            fault.close();

            JsonPath first = given().header("Authorization", admin).post(replay).then().statusCode(200).extract().jsonPath();
            assertThat(first.getString("channel")).isEqualTo("epoch-inputs");
            assertThat(first.getString("event_id")).isEqualTo(eventId.toString());
            assertThat(first.getBoolean("applied")).isTrue();
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
