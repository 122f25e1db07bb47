package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The admin trigger of the cleaner needs a JWT with the admin role. (TestJwt configures JWT checks for every test.) */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class AdminAuthTest {

    @Test
    void expiryTriggerNeedsTheAdminRole() {
        given().post("/v1/admin/serial-expiry").then().statusCode(401);
        given().header("Authorization", TestJwt.bearer("n1someone", "account")).post("/v1/admin/serial-expiry")
                .then().statusCode(403);
        // Nothing is old enough to expire in this run: the run is recorded only when it forgets something.
        given().header("Authorization", TestJwt.bearer("n1operator", "admin")).post("/v1/admin/serial-expiry")
                .then().statusCode(200).body("ran", equalTo(true));
    }
}
