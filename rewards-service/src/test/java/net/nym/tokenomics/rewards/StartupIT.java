package net.nym.tokenomics.rewards;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Runs against the packaged service (mvn verify -DskipITs=false). With -Dquarkus.package.jar.aot.enabled=true this run
 * also trains the JDK AOT cache (target/quarkus-app/app.aot) measured by deploy/local/measure-startup.sh. It runs with
 * the test profile (quarkus.test.integration-test-profile), so on a schema and topics of its own.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(TestJwt.class)
class StartupIT {

    @Test
    void thePackagedServiceStartsAndAnswers() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
