package net.nym.tokenomics.rewards.app;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.eventlog.encoding.Base58;

import java.security.SecureRandom;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Small REST helpers for the tests. */
final class Api {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Api() {
    }

    static String identityKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        key[0] = (byte) (key[0] | 1);
        return Base58.encode(key);
    }

    static Map<String, Object> bondBody(String pledge, String profitMargin, String cost) {
        return Map.of("identity_key", identityKey(), "host", "node.example.org", "http_port", 8080,
                "roles", Map.of("mixnode", true, "entry", true, "exit", false), "pledge", pledge,
                "cost_params", Map.of("profit_margin_percent", profitMargin, "interval_operating_cost", cost));
    }

    static ValidatableResponse post(String account, String path, Object body) {
        var spec = given().header("Authorization", TestJwt.bearer(account)).contentType(ContentType.JSON);
        return (body == null ? spec.post(path) : spec.body(body).post(path)).then();
    }

    static long bond(String account, long pledge, String profitMargin, long cost) {
        return post(account, "/v1/nodes", bondBody(Long.toString(pledge), profitMargin, Long.toString(cost)))
                .statusCode(201).extract().jsonPath().getLong("node_id");
    }
}
