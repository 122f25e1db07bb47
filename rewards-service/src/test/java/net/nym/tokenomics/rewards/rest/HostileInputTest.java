package net.nym.tokenomics.rewards.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.app.InputTopics;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Hostile input to the rewards API: each is a 4xx with the JSON error body, and nothing is recorded. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class HostileInputTest {

    @Inject
    DataSource dataSource;

    private static String account() {
        return "hostile-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> bondBody(String identityKey) {
        return Map.of("identity_key", identityKey, "host", "node.example.org", "http_port", 8080,
                "roles", Map.of("mixnode", true, "entry", false, "exit", false), "pledge", "1000000000000",
                "cost_params", Map.of("profit_margin_percent", "0.1", "interval_operating_cost", "40000000"));
    }

    private long logSize() {
        return Transactions.inTransaction(dataSource, c -> new EventStore().count(c));
    }

    private void refused(Supplier<ValidatableResponse> request, int status, String error, String field) {
        long before = logSize();
        request.get().statusCode(status).contentType(ContentType.JSON)
                .body("error", equalTo(error)).body("field", equalTo(field)).body("reason", not(emptyOrNullString()));
        assertThat(logSize()).as("events recorded by a refused request").isEqualTo(before);
    }

    @Test
    void a400000CharacterIdentityKeyIsRefusedByItsLength() {
        String huge = "2".repeat(400_000);
        refused(() -> given().header("Authorization", TestJwt.bearer(account())).contentType(ContentType.JSON)
                .body(bondBody(huge)).post("/v1/nodes").then(), 400, "field_too_long", "identity_key");
    }
}
