package net.nym.tokenomics.rewards.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.app.InputTopics;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With nym.nodes.allow-private-hosts (local demos), loopback and private hosts are bonded; malformed ones still not. */
@QuarkusTest
@TestProfile(PrivateHostsAllowedTest.AllowPrivateHosts.class)
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class PrivateHostsAllowedTest {

    public static class AllowPrivateHosts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nym.nodes.allow-private-hosts", "true");
        }
    }

    /** A bond of a new owner's node at {@code host}, signed by the node's identity key (finding 5). */
    private static io.restassured.response.ValidatableResponse bond(String host) {
        String owner = "op-" + UUID.randomUUID().toString().substring(0, 8);
        Treasury.fund(owner);
        java.security.KeyPair identity = SignedBonds.identity(owner + "-node");
        Map<String, Object> body = SignedBonds.signed(Map.of("identity_key", SignedBonds.key(identity), "host", host,
                "http_port", 8080, "roles", Map.of("mixnode", true, "entry", false, "exit", false), "pledge", "1000000000000",
                "cost_params", Map.of("profit_margin_percent", "0.1", "interval_operating_cost", "40000000")), owner, identity);
        return given().header("Authorization", TestJwt.bearer(owner)).contentType(ContentType.JSON).body(body)
                .post("/v1/nodes").then();
    }

    @Test
    void privateAndLoopbackHostsAreBondedWhenAllowed() {
        for (String host : new String[] {"127.0.0.1", "127.1.0.7", "10.0.0.1", "::1", "localhost"}) {
            bond(host).statusCode(201);
        }
        bond("2130706433").statusCode(400).body("error", equalTo("invalid_field")).body("field", equalTo("host"));
    }
}
