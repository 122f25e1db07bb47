package net.nym.tokenomics.rewards.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.app.InputTopics;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The error table of docs/architecture.md, one bad request per row that this service has: the status, the one JSON
 * body {@code {error, field, reason}}, and nothing recorded. Not applicable here: rate limited (the service has no
 * rate limit) and not ready (the ledger is initialized before the HTTP port opens).
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class ErrorTableTest {

    @Inject
    DataSource dataSource;

    private static String account(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A bond body for the owner's test node {@code node}, signed by the node's identity key for the owner. */
    private static Map<String, Object> bondBody(String owner, String node, String pledge) {
        return bondBody(owner, node, pledge, "node.example.org");
    }

    private static Map<String, Object> bondBody(String owner, String node, String pledge, String host) {
        KeyPair identity = SignedBonds.identity(node);
        return SignedBonds.signed(Map.of("identity_key", SignedBonds.key(identity), "host", host, "http_port", 8080,
                "roles", Map.of("mixnode", true, "entry", false, "exit", false), "pledge", pledge,
                "cost_params", Map.of("profit_margin_percent", "0.1", "interval_operating_cost", "40000000")), owner, identity);
    }

    private static RequestSpecification as(String account, String... roles) {
        return given().header("Authorization", TestJwt.bearer(account, roles)).contentType(ContentType.JSON);
    }

    private static long bond(String owner) {
        Treasury.fund(owner);
        return as(owner).body(bondBody(owner, owner, "1000000000000")).post("/v1/nodes").then().statusCode(201).extract().jsonPath()
                .getLong("node_id");
    }

    /** Sends the request and checks the answer's status and body, and that the log did not grow. */
    private void refused(Supplier<ValidatableResponse> request, int status, String error, String field) {
        new Refusals(dataSource).refused(request, status, error, field);
    }

    @Test
    void invalidField() {
        String op = account("op");
        Map<String, Object> lots = bondBody(op, op, "lots");
        refused(() -> as(op).body(lots).post("/v1/nodes").then(), 400, "invalid_field", "pledge");
        refused(() -> as(account("op")).body("{\"pledge\": ").post("/v1/nodes").then(), 400, "malformed_json", "body");
    }

    /** Issue 14 finding 7: a node's host must be public (nym.nodes.allow-private-hosts is false here). */
    @Test
    void aHostThatIsNotPublicIsRefused() {
        for (String host : new String[] {"127.0.0.1", "169.254.169.254", "10.0.0.1", "100.64.0.1", "0.0.0.0", "[::1]",
                "::ffff:127.0.0.1", "fd00::1", "fe80::1", "ff02::1", "localhost", "metadata.google.internal"}) {
            String op = account("op");
            refused(() -> as(op).body(bondBody(op, op, "1000000000000", host)).post("/v1/nodes").then(),
                    400, "host_not_public", "host");
        }
        for (String host : new String[] {"2130706433", "0x7f.0.0.1", "127.1", "example.com.", "-x.example.com"}) {
            String op = account("op");
            refused(() -> as(op).body(bondBody(op, op, "1000000000000", host)).post("/v1/nodes").then(),
                    400, "invalid_field", "host");
        }
        for (String host : new String[] {"8.8.8.8", "2001:4860:4860::8888"}) {
            String op = account("op");
            Treasury.fund(op);
            as(op).body(bondBody(op, op, "1000000000000", host)).post("/v1/nodes").then().statusCode(201);
        }
    }

    @Test
    void unauthenticatedWithoutOrWithABadToken() {
        refused(() -> given().contentType(ContentType.JSON).body(Map.of("amount", "1")).post("/v1/nodes/1/pledge").then(),
                401, "unauthenticated", "authorization");
        refused(() -> given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON)
                .body(Map.of("amount", "1")).post("/v1/nodes/1/pledge").then(), 401, "unauthenticated", "authorization");
    }

    @Test
    void tokensForAnotherAudienceOrIssuerOrOlderThanAnHourAreRefused() {
        String owner = account("owner");
        long id = bond(owner);
        Instant now = Instant.now();
        for (String token : List.of(
                TestJwt.token(TestJwt.ISSUER, "another-api", now, Duration.ofMinutes(30), owner, "account"),
                TestJwt.token("someone-else", TestJwt.AUDIENCE, now, Duration.ofMinutes(30), owner, "account"),
                // unexpired, but issued two hours ago: older than mp.jwt.verify.token.age
                TestJwt.token(TestJwt.ISSUER, TestJwt.AUDIENCE, now.minus(Duration.ofHours(2)), Duration.ofHours(3), owner, "account"),
                TestJwt.token(TestJwt.ISSUER, TestJwt.AUDIENCE, now.minus(Duration.ofMinutes(40)), Duration.ofMinutes(30), owner, "account"))) {
            refused(() -> given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(Map.of("amount", "1")).post("/v1/nodes/" + id + "/pledge").then(), 401, "unauthenticated", "authorization");
        }
        // the same request with a token as the gateway issues it is accepted
        as(owner).body(Map.of("amount", "1")).post("/v1/nodes/" + id + "/pledge").then().statusCode(202);
    }

    @Test
    void forbiddenOnAnotherAccountsNodeAndOnAnAdminPath() {
        long id = bond(account("owner"));
        refused(() -> as(account("other")).body(Map.of("amount", "1000")).post("/v1/nodes/" + id + "/pledge").then(),
                403, "not_node_owner", "node_id");
        refused(() -> as(account("other")).body(Map.of("sybil_resistance", "0.4")).put("/v1/admin/reward-params").then(),
                403, "forbidden", "authorization");
    }

    @Test
    void notFound() {
        long id = bond(account("owner"));
        String delegator = account("del");
        refused(() -> as(delegator).delete("/v1/delegators/" + delegator + "/delegations/" + id).then(),
                404, "delegation_not_found", "node_id");
        refused(() -> as(delegator).body(Map.of("amount", "1000")).post("/v1/nodes/987654/pledge").then(),
                404, "node_not_found", "node_id");
        refused(() -> given().get("/v1/nodes/987654").then(), 404, "node_not_found", "node_id");
    }

    @Test
    void conflictOnADuplicateBond() {
        String owner = account("op");
        bond(owner);
        Map<String, Object> second = bondBody(owner, owner + "-second-node", "1000000000000");
        refused(() -> as(owner).body(second).post("/v1/nodes").then(), 409, "already_bonded", "owner");
    }

    @Test
    void tooLarge() {
        String padding = "x".repeat(3 * 1024 * 1024);
        refused(() -> as(account("op")).body(Map.of("amount", padding)).post("/v1/nodes/1/pledge").then(),
                413, "too_large", "body");
    }
}
