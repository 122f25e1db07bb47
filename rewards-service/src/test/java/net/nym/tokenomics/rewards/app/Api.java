package net.nym.tokenomics.rewards.app;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.rest.SignedBonds;
import net.nym.tokenomics.rewards.rest.Treasury;

import java.security.KeyPair;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Small REST helpers for the tests. */
final class Api {

    private Api() {
    }

    /** A bond body for the owner's test node, signed by its identity key at the current bonding nonce. */
    static Map<String, Object> bondBody(String owner, String pledge, String profitMargin, String cost) {
        return bondBody(owner, owner, pledge, profitMargin, cost);
    }

    /** As {@link #bondBody(String, String, String, String)}, for the test node {@code node} (its own identity key). */
    static Map<String, Object> bondBody(String owner, String node, String pledge, String profitMargin, String cost) {
        KeyPair identity = SignedBonds.identity(node);
        return SignedBonds.signed(Map.of("identity_key", SignedBonds.key(identity), "host", "node.example.org", "http_port", 8080,
                "roles", Map.of("mixnode", true, "entry", true, "exit", false), "pledge", pledge,
                "cost_params", Map.of("profit_margin_percent", profitMargin, "interval_operating_cost", cost)), owner, identity);
    }

    static ValidatableResponse post(String account, String path, Object body) {
        var spec = given().header("Authorization", TestJwt.bearer(account)).contentType(ContentType.JSON);
        return (body == null ? spec.post(path) : spec.body(body).post(path)).then();
    }

    /** Funds the account from the treasury (issue 15), then bonds its test node. */
    static long bond(String account, long pledge, String profitMargin, long cost) {
        Treasury.fund(account, Long.toString(pledge + 1_000_000_000_000L));
        return post(account, "/v1/nodes", bondBody(account, Long.toString(pledge), profitMargin, Long.toString(cost)))
                .statusCode(201).extract().jsonPath().getLong("node_id");
    }
}
