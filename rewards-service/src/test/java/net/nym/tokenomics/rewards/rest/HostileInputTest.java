package net.nym.tokenomics.rewards.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.encoding.Base58;
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

    private void refused(Supplier<ValidatableResponse> request, int status, String error, String field) {
        new Refusals(dataSource).refused(request, status, error, field);
    }

    @Test
    void a400000CharacterIdentityKeyIsRefusedByItsLength() {
        String huge = "2".repeat(400_000);
        refused(() -> given().header("Authorization", TestJwt.bearer(account())).contentType(ContentType.JSON)
                .body(bondBody(huge)).post("/v1/nodes").then(), 400, "field_too_long", "identity_key");
    }

    /** 21 digits are within the 40 the edge reads but beyond Decimal's range: a 400, not a 500. */
    @Test
    void aRatioBeyondTheDecimalRangeIsRefused() {
        String owner = account();
        Treasury.fund(owner);
        java.security.KeyPair identity = SignedBonds.identity(owner + "-node");
        long nodeId = given().header("Authorization", TestJwt.bearer(owner)).contentType(ContentType.JSON)
                .body(SignedBonds.signed(bondBody(SignedBonds.key(identity)), owner, identity)).post("/v1/nodes").then()
                .statusCode(201).extract().jsonPath().getLong("node_id");
        refused(() -> given().get("/v1/nodes/" + nodeId + "/estimate?performance=999999999999999999999").then(), 400,
                "invalid_field", "performance");
        refused(() -> given().header("Authorization", TestJwt.bearer(account(), "admin")).contentType(ContentType.JSON)
                .body(Map.of("reward_pool", "9".repeat(39))).put("/v1/admin/reward-params").then(), 400,
                "invalid_field", "reward_pool");
    }

    /** Counts whose sum overflows int would be queued and make every later roll-over throw: refused at the edge. */
    @Test
    void setSizesThatOverflowIntAreRefusedAndNothingIsQueued() {
        int max = Integer.MAX_VALUE;
        refused(() -> given().header("Authorization", TestJwt.bearer(account(), "admin")).contentType(ContentType.JSON)
                .body(Map.of("rewarded_set", Map.of("entry_gateways", max, "exit_gateways", max, "mixnodes", 3,
                        "standby", max)))
                .put("/v1/admin/reward-params").then(), 400, "invalid_field", "rewarded_set.entry_gateways");
        refused(() -> given().header("Authorization", TestJwt.bearer(account(), "admin")).contentType(ContentType.JSON)
                .body(Map.of("entry_gateways", max, "exit_gateways", max, "mixnodes", 3))
                .put("/v1/admin/active-set").then(), 400, "invalid_field", "entry_gateways");
    }

    /**
     * An amount is read as any JSON value, so nesting reaches the parser: 500 levels (Jackson's default allows 1000)
     * are refused by the shared request limits as unreadable JSON.
     */
    /** PostgreSQL cannot store U+0000: a NUL anywhere in a string of the body is unreadable JSON, with its field. */
    @Test
    void aNulInAStringIsRefused() {
        String body = "{\"identity_key\":\"x\",\"host\":\"node\\u0000.example.org\",\"http_port\":8080}";
        refused(() -> given().header("Authorization", TestJwt.bearer(account())).contentType(ContentType.JSON)
                .body(body).post("/v1/nodes").then(), 400, "malformed_json", "host");
    }

    @Test
    void aDeeplyNestedBodyIsRefused() {
        String deep = "{\"amount\":" + "[".repeat(500) + "]".repeat(500) + "}";
        refused(() -> given().header("Authorization", TestJwt.bearer(account())).contentType(ContentType.JSON)
                .body(deep).post("/v1/nodes/1/pledge").then(), 400, "malformed_json", "amount");
    }
}
