package net.nym.tokenomics.eventlog.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a packaged service must answer once started (extend it with {@code @QuarkusIntegrationTest} and
 * {@code @QuarkusTestResource(TestJwt.class)}). Run with {@code mvn verify -DskipITs=false}; with
 * {@code -Dquarkus.package.jar.aot.enabled=true} the run also trains the JDK AOT cache (target/quarkus-app/app.aot)
 * that deploy/local/measure-startup.sh measures.
 */
public abstract class PackagedServiceTest {

    @Test
    void thePackagedServiceStartsAndAnswers() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
