package net.nym.tokenomics.eventlog.testing;

import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.quarkus.EventLogConfig;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.Transactions;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every service must do once started (extend it with {@code @QuarkusTest}): answer health, metrics and OpenAPI,
 * reach its own migrated PostgreSQL database, and publish what it appends to its Kafka topic.
 */
public abstract class ServiceSmokeTest {

    @Inject
    DataSource dataSource;

    @Inject
    EventLogConfig config;

    @Test
    void healthMetricsAndOpenApiAnswer() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'event-log' }.status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("eventlog_relay_published_events"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void appendedEventsReachTheServiceTopic() {
        UUID id = UUID.randomUUID();
        EventStore store = new EventStore();
        Transactions.inTransaction(dataSource, c -> store.append(c, "smoke-" + id, 0,
                List.of(new NewEvent(id, "SmokeTestEvent", 1, "{\"probe\":\"" + id + "\"}", Map.of()))));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                LocalInfra.readAll(config.topic()).stream().anyMatch(r -> id.equals(KafkaEnvelope.eventId(r))));
        assertThat(LocalInfra.readAll(config.topic()).stream().filter(r -> id.equals(KafkaEnvelope.eventId(r)))).hasSize(1);
    }
}
