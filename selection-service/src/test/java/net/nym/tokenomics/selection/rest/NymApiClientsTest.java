package net.nym.tokenomics.selection.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** What Nym's own clients read from nym-api, served here: the current interval, from a browser on another origin. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class NymApiClientsTest {

    private static final String ORIGIN = "https://dashboard.example.org";

    private static JsonPath ours() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/v1/epochs/current").statusCode() == 200);
        return given().get("/v1/epochs/current").then().extract().jsonPath();
    }

    /** nym-api's {@code Interval}: exactly its six fields, with its types (u32 numbers, RFC 3339, a Rust Duration). */
    @Test
    void theCurrentEpochInNymApisIntervalShape() {
        JsonPath expected;
        JsonPath interval;
        do {
            expected = ours();
            interval = given().get("/v1/epoch/current").then().statusCode(200).extract().jsonPath();
            // another test may end an epoch between the two reads: read both again then
        } while (expected.getLong("epoch_id") != ours().getLong("epoch_id"));

        Map<String, Object> body = interval.getMap("");
        assertThat(body).containsOnlyKeys("id", "epochs_in_interval", "current_epoch_start", "current_epoch_id",
                "epoch_length", "total_elapsed_epochs");
        assertThat(body.get("id")).isInstanceOf(Integer.class).isEqualTo(expected.getInt("interval_id"));
        assertThat(body.get("epochs_in_interval")).isInstanceOf(Integer.class)
                .isEqualTo(expected.getInt("epochs_in_interval"));
        assertThat(body.get("current_epoch_id")).isInstanceOf(Integer.class)
                .isEqualTo(expected.getInt("epoch_in_interval"));
        assertThat(body.get("total_elapsed_epochs")).isInstanceOf(Integer.class)
                .isEqualTo(expected.getInt("epoch_id"));
        String start = interval.getString("current_epoch_start");
        assertThat(OffsetDateTime.parse(start, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant())
                .isEqualTo(Instant.parse(expected.getString("start")));
        assertThat(interval.getMap("epoch_length")).containsOnlyKeys("secs", "nanos");
        assertThat(interval.getLong("epoch_length.secs")).isEqualTo(expected.getLong("epoch_length_seconds"));
        assertThat(interval.getInt("epoch_length.nanos")).isZero();
    }

    @Test
    void aBrowserOnAnotherOriginMayReadIt() {
        ours();
        given().header("Origin", ORIGIN).get("/v1/epoch/current").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN));
        given().header("Origin", ORIGIN).get("/v1/nym-nodes/rewarded-set").then()
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN));
    }

    @Test
    void aPreflightSucceeds() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/v1/epoch/current").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ORIGIN))
                .header("Access-Control-Allow-Methods", not(emptyOrNullString()));
    }
}
