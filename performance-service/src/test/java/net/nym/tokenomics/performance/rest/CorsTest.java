package net.nym.tokenomics.performance.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.it.Fixtures;
import net.nym.tokenomics.performance.it.MonitorKeys;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

/** nym-api answers any origin (a permissive CORS layer): a dashboard in a browser reads and a monitor page submits. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class CorsTest {

    private static final String ORIGIN = "https://explorer.example.net";

    @Test
    void aBrowserOnAnotherOriginReadsAndSubmits() {
        given().header("Origin", ORIGIN).get("/v1/status/config-score-details").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN));
        long node = Fixtures.freshNodeId();
        Fixtures.bond(node);
        given().header("Origin", ORIGIN).contentType("application/json")
                .body(Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(node, 90)), Fixtures.nextTimestamp()))
                .post("/v1/status/submit-node-monitoring-results").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN));
    }

    @Test
    void preflightsSucceedOnAReadAndOnTheSubmissionPath() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
                .options("/v1/nym-nodes/annotation/1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("GET"));
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/v1/status/submit-gateway-monitoring-results").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-type"));
    }
}
