package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
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
 * The operator's replay: a NodeBonded that the database refuses is parked after its attempts; the admin endpoint
 * lists it; once the fault is removed a replay applies it exactly once, and a second replay applies nothing.
 */
@QuarkusTest
class ParkedRecordReplayTest {

    @Inject
    DataSource dataSource;

    @Test
    void aParkedRecordIsListedAndReplayedExactlyOnceAfterItsCauseIsRemoved() {
        String admin = TestJwt.bearer("n1operator", "admin");
        String dlq = ConfigProvider.getConfig().getValue("topics.dlq.ticket-ledger", String.class);
        LedgerTestSupport.Gateway g = LedgerTestSupport.newGateway();
        UUID eventId = UUID.randomUUID();
        try (InboxFault fault = InboxFault.refuse(dataSource, eventId)) {
            LedgerTestSupport.produceBonded(g, eventId);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> LocalInfra.readAll(dlq).stream()
                    .anyMatch(r -> KafkaEnvelope.eventId(r).equals(eventId)));
            // the records after it are applied
            LedgerTestSupport.bondedGateway();
            assertThat(given().get("/v1/gateways/" + g.nodeId()).statusCode()).isEqualTo(404);

            given().get("/v1/admin/parked-records").then().statusCode(401);
            JsonPath entry = given().header("Authorization", admin).get("/v1/admin/parked-records").then().statusCode(200)
                    .extract().jsonPath();
            Map<String, Object> parked = entry.getMap("find { it.event_id == '" + eventId + "' }");
            assertThat(parked).containsEntry("dlq_topic", dlq).containsEntry("topic", LedgerTestSupport.topic("rewards"))
                    .containsEntry("partition", 0).containsEntry("event_type", "NodeBonded");
            assertThat((String) parked.get("reason")).contains(eventId.toString(), "test fault");
            String replay = "/v1/admin/parked-records/" + dlq + "/" + parked.get("dlq_partition") + "/"
                    + parked.get("dlq_offset") + "/replay";

            // still faulty: the replay fails and applies nothing
            given().header("Authorization", admin).post(replay).then().statusCode(409);
            assertThat(InboxFault.inboxRows(dataSource, eventId)).isZero();
            fault.close();

            JsonPath first = given().header("Authorization", admin).post(replay).then().statusCode(200).extract().jsonPath();
            assertThat(first.getString("channel")).isEqualTo("ledger-inputs");
            assertThat(first.getString("event_id")).isEqualTo(eventId.toString());
            assertThat(first.getBoolean("applied")).isTrue();
            // the record is appended; the read model serves the gateway once the follower folded it
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().get("/v1/gateways/" + g.nodeId()).statusCode() == 200);
            long events = LedgerTestSupport.eventsMentioning(dataSource, g.nodeId());
            assertThat(events).isPositive();

            JsonPath second = given().header("Authorization", admin).post(replay).then().statusCode(200).extract().jsonPath();
            assertThat(second.getBoolean("applied")).isFalse();
            assertThat(InboxFault.inboxRows(dataSource, eventId)).isEqualTo(1);
            assertThat(LedgerTestSupport.eventsMentioning(dataSource, g.nodeId())).isEqualTo(events);
        }
        given().header("Authorization", admin).post("/v1/admin/parked-records/" + dlq + "/0/999999/replay")
                .then().statusCode(404);
    }
}
