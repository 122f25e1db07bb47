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
import java.security.KeyPair;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * Bonding proves possession of the identity key (issue 14, finding 5): only a signature by the node's own key over
 * (owner, key, host, port, current nonce) bonds it. Every refusal is the JSON error body and records nothing.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class BondingSignatureTest {

    @Inject
    DataSource dataSource;

    private static String account(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> unsigned(KeyPair identity) {
        return Map.of("identity_key", SignedBonds.key(identity), "host", "gateway.example.org", "http_port", 8080,
                "roles", Map.of("mixnode", false, "entry", true, "exit", true), "pledge", "1000000000000",
                "cost_params", Map.of("profit_margin_percent", "0.1", "interval_operating_cost", "40000000"));
    }

    private static ValidatableResponse post(String owner, Object body) {
        return given().header("Authorization", TestJwt.bearer(owner)).contentType(ContentType.JSON).body(body)
                .post("/v1/nodes").then();
    }

    private long logSize() {
        return Transactions.inTransaction(dataSource, c -> new EventStore().count(c));
    }

    private void refused(String owner, Object body, int status, String error, String field) {
        long before = logSize();
        long nonce = SignedBonds.nonce();
        post(owner, body).statusCode(status).contentType(ContentType.JSON)
                .body("error", equalTo(error)).body("field", equalTo(field)).body("reason", not(emptyOrNullString()));
        assertThat(logSize()).as("events recorded by a refused bond").isEqualTo(before);
        assertThat(SignedBonds.nonce()).as("the next node id").isEqualTo(nonce);
    }

    @Test
    void aBondSignedByTheIdentityKeyAtTheCurrentNonceIsRecordedAndTakesThatNodeId() {
        String owner = account("op");
        Treasury.fund(owner);
        KeyPair identity = SignedBonds.identity(owner);
        long nonce = SignedBonds.nonce();
        long before = logSize();
        long nodeId = post(owner, SignedBonds.signed(unsigned(identity), owner, identity, nonce))
                .statusCode(201).extract().jsonPath().getLong("node_id");
        assertThat(nodeId).isEqualTo(nonce);
        assertThat(logSize()).isGreaterThan(before);
        assertThat(SignedBonds.nonce()).isEqualTo(nonce + 1);
        given().get("/v1/nodes/" + nodeId).then().statusCode(200)
                .body("owner", equalTo(owner)).body("identity_key", equalTo(SignedBonds.key(identity)));
    }

    @Test
    void aBondWithoutAWellFormedSignatureOrNonceIs400() {
        String owner = account("op");
        KeyPair identity = SignedBonds.identity(owner);
        Map<String, Object> signed = SignedBonds.signed(unsigned(identity), owner, identity);
        refused(owner, without(signed, "signature"), 400, "invalid_field", "signature");
        refused(owner, with(signed, "signature", ""), 400, "invalid_field", "signature");
        refused(owner, with(signed, "signature", "0OIl" + signed.get("signature")), 400, "field_too_long", "signature");
        refused(owner, with(signed, "signature", "0OIl"), 400, "malformed_base58", "signature");
        refused(owner, with(signed, "signature", "3yZe7d"), 400, "invalid_field", "signature");
        refused(owner, with(signed, "signature", "z".repeat(300_000)), 400, "field_too_long", "signature");
        refused(owner, without(signed, "nonce"), 400, "invalid_field", "nonce");
    }

    @Test
    void aSignatureByAnotherKeyIs403() {
        String owner = account("op");
        KeyPair identity = SignedBonds.identity(owner);
        KeyPair thief = SignedBonds.identity(owner + "-thief");
        refused(owner, SignedBonds.signed(unsigned(identity), owner, thief), 403, "bad_signature", "signature");
    }

    @Test
    void anotherOwnerReplayingACapturedSignatureIs403() {
        String owner = account("op");
        KeyPair identity = SignedBonds.identity(owner);
        Map<String, Object> captured = SignedBonds.signed(unsigned(identity), owner, identity);
        refused(account("thief"), captured, 403, "bad_signature", "signature");
        // Nor does it bond the key at another host or port for its owner.
        refused(owner, with(captured, "host", "evil.example.org"), 403, "bad_signature", "signature");
        refused(owner, with(captured, "http_port", 8081), 403, "bad_signature", "signature");
    }

    @Test
    void aSignatureMadeForANodeIdAnotherBondTookIs409() {
        String owner = account("op");
        Treasury.fund(owner);
        KeyPair identity = SignedBonds.identity(owner);
        Map<String, Object> stale = SignedBonds.signed(unsigned(identity), owner, identity);
        String other = account("other");
        Treasury.fund(other);
        KeyPair otherIdentity = SignedBonds.identity(other);
        post(other, SignedBonds.signed(unsigned(otherIdentity), other, otherIdentity)).statusCode(201);
        refused(owner, stale, 409, "stale_bonding_nonce", "nonce");
        // Signed again over the current nonce, the same bond goes through.
        post(owner, SignedBonds.signed(unsigned(identity), owner, identity)).statusCode(201);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> out = new HashMap<>(body);
        out.put(field, value);
        return out;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> out = new HashMap<>(body);
        out.remove(field);
        return out;
    }
}
