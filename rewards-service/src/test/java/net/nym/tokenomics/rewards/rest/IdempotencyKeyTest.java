package net.nym.tokenomics.rewards.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.app.InputTopics;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Account commands with an {@code Idempotency-Key}: a retried request (its response lost) is answered with the first
 * outcome and applied once; the same key with another request is refused; keys are per account; a refused command
 * does not use its key up.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class IdempotencyKeyTest {

    @Inject
    DataSource dataSource;

    private static String account(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification as(String account, String key) {
        RequestSpecification r = given().header("Authorization", TestJwt.bearer(account)).contentType(ContentType.JSON);
        return key == null ? r : r.header("Idempotency-Key", key);
    }

    private long logSize() {
        return Transactions.inTransaction(dataSource, c -> new EventStore().count(c));
    }

    /** A bond of the owner's node, signed by the node's identity key over the current bonding nonce. */
    private static Map<String, Object> bondBody(String owner) {
        java.security.KeyPair identity = SignedBonds.identity(owner + "-node");
        return SignedBonds.signed(Map.of("identity_key", SignedBonds.key(identity), "host", "node.example.org", "http_port", 8080,
                "roles", Map.of("mixnode", true, "entry", false, "exit", false), "pledge", "1000000000000",
                "cost_params", Map.of("profit_margin_percent", "0.1", "interval_operating_cost", "40000000")), owner, identity);
    }

    private static long bond(String owner) {
        Treasury.fund(owner);
        return as(owner, null).body(bondBody(owner)).post("/v1/nodes").then().statusCode(201).extract().jsonPath().getLong("node_id");
    }

    @Test
    void aRetriedDelegationIsAnsweredWithTheFirstOutcomeAndAppliedOnce() {
        long node = bond(account("op"));
        String delegator = account("del");
        Treasury.fund(delegator);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("node_id", node, "amount", "1000000");
        String path = "/v1/delegators/" + delegator + "/delegations";

        long before = logSize();
        ExtractableResponse<Response> first = as(delegator, key).body(body).post(path).then().statusCode(202).extract();
        long afterFirst = logSize();
        assertThat(afterFirst).as("the first request is recorded").isGreaterThan(before);
        assertThat(first.header("Idempotent-Replayed")).isNull();

        ExtractableResponse<Response> retry = as(delegator, key).body(body).post(path).then().statusCode(202).extract();
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(logSize()).as("the retry records nothing").isEqualTo(afterFirst);

        // the same key with another amount: refused, nothing recorded
        as(delegator, key).body(Map.of("node_id", node, "amount", "2000000")).post(path).then().statusCode(409)
                .body("error", equalTo("idempotency_key_reused")).body("field", equalTo("idempotency_key"));
        assertThat(logSize()).isEqualTo(afterFirst);

        // without a key, the same request is a second delegation request
        as(delegator, null).body(body).post(path).then().statusCode(202);
        assertThat(logSize()).isGreaterThan(afterFirst);
    }

    @Test
    void keysArePerAccountAndARefusedCommandDoesNotUseItsKeyUp() {
        long node = bond(account("op"));
        String a = account("del");
        Treasury.fund(a);
        String b = account("del");
        Treasury.fund(b);
        String key = "retry-" + UUID.randomUUID();
        as(a, key).body(Map.of("node_id", node, "amount", "1000000")).post("/v1/delegators/" + a + "/delegations")
                .then().statusCode(202);
        long afterA = logSize();
        // another account with the same key: its own command, applied
        as(b, key).body(Map.of("node_id", node, "amount", "1000000")).post("/v1/delegators/" + b + "/delegations")
                .then().statusCode(202).header("Idempotent-Replayed", (String) null);
        assertThat(logSize()).isGreaterThan(afterA);

        // refused (no such node): nothing recorded, key included; then the corrected request with that key is applied
        String c = account("del");
        Treasury.fund(c);
        String second = "retry-" + UUID.randomUUID();
        as(c, second).body(Map.of("node_id", 987_654_321L, "amount", "1000000")).post("/v1/delegators/" + c + "/delegations")
                .then().statusCode(404);
        long beforeCorrected = logSize();
        as(c, second).body(Map.of("node_id", node, "amount", "1000000")).post("/v1/delegators/" + c + "/delegations")
                .then().statusCode(202).header("Idempotent-Replayed", (String) null);
        assertThat(logSize()).isGreaterThan(beforeCorrected);
    }

    @Test
    void aRetriedBondGetsTheSameNodeIdAndBondsOnce() {
        String owner = account("op");
        Treasury.fund(owner);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = bondBody(owner);
        long first = as(owner, key).body(body).post("/v1/nodes").then().statusCode(201).extract().jsonPath().getLong("node_id");
        long size = logSize();
        long again = as(owner, key).body(body).post("/v1/nodes").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().jsonPath().getLong("node_id");
        assertThat(again).isEqualTo(first);
        assertThat(logSize()).isEqualTo(size);
    }

    @Test
    void aMalformedKeyIsRefused() {
        long node = bond(account("op"));
        String a = account("del");
        Treasury.fund(a);
        long before = logSize();
        for (String bad : new String[] {"has space", "quote\"key", "x".repeat(65), "semi;colon", "\u00e9t\u00e9"}) {
            as(a, bad).body(Map.of("node_id", node, "amount", "1000000")).post("/v1/delegators/" + a + "/delegations")
                    .then().statusCode(400).body("field", equalTo("idempotency_key"));
        }
        assertThat(logSize()).isEqualTo(before);
    }
}
