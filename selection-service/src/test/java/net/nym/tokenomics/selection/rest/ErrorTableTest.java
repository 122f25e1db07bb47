package net.nym.tokenomics.selection.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.selection.Fixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The error table (docs/architecture.md, "Errors") as this service answers it: one bad request per row that applies,
 * each answered with the row's status and the JSON body {@code {error, field, reason}}, and nothing recorded.
 * Rows that do not apply: TOO_LARGE (no endpoint takes a body), RATE_LIMITED (no rate limit), NOT_READY (the clock is
 * initialised, and epoch 0's set selected, before the service takes requests).
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ErrorTableTest {

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "topics.rewards")
    String rewardsTopic;
    @ConfigProperty(name = "topics.performance")
    String performanceTopic;

    private long events() {
        return Transactions.inTransaction(dataSource, new EventStore()::count);
    }

    /** The request's answer, checked for the row's status, code and field, with the log unchanged by it. */
    private void refused(Supplier<ValidatableResponse> request, int status, String error, String field) {
        long before = events();
        request.get().statusCode(status).contentType("application/json")
                .body("error", equalTo(error)).body("field", equalTo(field)).body("reason", not(emptyOrNullString()));
        assertThat(events()).isEqualTo(before);
    }

    private static String admin() {
        return TestJwt.bearer("admin-account", "admin");
    }

    @Test
    void invalidField() {
        refused(() -> given().get("/v1/epochs/abc/selection-proof").then(), 400, "invalid_field", "epoch_id");
        refused(() -> given().get("/v1/epochs/-1/rewarded-set").then(), 400, "invalid_field", "epoch_id");
    }

    @Test
    void unauthenticated() {
        refused(() -> given().post("/v1/admin/epochs/advance").then(), 401, "unauthenticated", "authorization");
        refused(() -> given().header("Authorization", "Bearer not-a-token").post("/v1/admin/epochs/advance").then(),
                401, "unauthenticated", "authorization");
    }

    @Test
    void forbidden() {
        refused(() -> given().header("Authorization", TestJwt.bearer("someone", "account")).post("/v1/admin/epochs/advance")
                .then(), 403, "forbidden", "authorization");
    }

    @Test
    void notFound() {
        refused(() -> given().get("/v1/epochs/999999999/selection-proof").then(), 404, "selection_proof_not_found", "epoch_id");
        refused(() -> given().get("/v1/epochs/999999999/rewarded-set").then(), 404, "rewarded_set_not_found", "epoch_id");
    }

    /** An advance while the next rewarded set is awaited (the test clock is MANUAL, so the mode conflict is unreachable). */
    @Test
    void conflict() {
        if ("in_progress".equals(state())) {
            given().header("Authorization", admin()).post("/v1/admin/epochs/advance").then().statusCode(200);
        }
        assertThat(state()).isEqualTo("awaiting_rewarded_set");
        refused(() -> given().header("Authorization", admin()).post("/v1/admin/epochs/advance").then(),
                409, "transition_in_progress", "epoch_id");

        // leave the shared clock running for the other tests: empty inputs complete the transition
        long e = given().get("/v1/epochs/current").then().extract().jsonPath().getLong("epoch_id");
        Fixtures.send(rewardsTopic, Fixtures.snapshot(e, 1, 1, 3, 0, Map.of()));
        Fixtures.send(performanceTopic, Fixtures.performance(e, Map.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> "in_progress".equals(state()));
    }

    private static String state() {
        return given().get("/v1/epochs/current").then().statusCode(200).extract().jsonPath().getString("state");
    }
}
