package net.nym.tokenomics.performance.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.it.Fixtures;
import net.nym.tokenomics.performance.it.MonitorKeys;
import net.nym.tokenomics.performance.domain.monitoring.MonitorResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/**
 * The error table (event-log's {@code ErrorKind}) as this service answers it: one bad request per row that applies
 * (the service has no rate limit and no not-ready state), each answered with the row's status and the one JSON body
 * {@code {error, field, reason}}, and nothing appended to the log.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class ErrorTableTest {

    @Inject
    DataSource dataSource;

    long node;

    @BeforeEach
    void bondANode() {
        node = Fixtures.freshNodeId();
        Fixtures.bond(node);
    }

    private long logged() {
        return Transactions.inTransaction(dataSource, new EventStore()::count);
    }

    /** Sends the request and checks the answer and that the log did not grow. */
    private void refused(Supplier<Response> request, int status, String error, String field) {
        long before = logged();
        request.get().then().statusCode(status).contentType(ContentType.JSON)
                .body("error", equalTo(error)).body("field", equalTo(field)).body("reason", not(emptyOrNullString()));
        assertThat(logged()).isEqualTo(before);
    }

    private String signed(long timestamp) {
        return Fixtures.body(MonitorKeys.ALLOWED, List.of(Fixtures.result(node, 90)), timestamp);
    }

    @Test
    void invalidField400() {
        refused(() -> Fixtures.submit("node", Fixtures.body(MonitorKeys.ALLOWED,
                List.of(new MonitorResult(node, Fixtures.identity(node), 256)), Fixtures.nextTimestamp())),
                400, "reliability_out_of_range", "results[0].reliability");
        refused(() -> Fixtures.submit("node", "{\"results\":[],\"signature\":\"s\",\"signer\":\"k\"}"),
                400, "missing_field", "timestamp");
    }

    @Test
    void unauthenticated401() {
        String tampered = signed(Fixtures.nextTimestamp()).replace("\"reliability\":90", "\"reliability\":91");
        refused(() -> Fixtures.submit("node", tampered), 401, "invalid_signature", "signature");
        refused(() -> given().contentType(ContentType.JSON).body("{\"semver\":\"9.9.9\"}").post("/v1/admin/releases"),
                401, "unauthenticated", "authorization");
    }

    @Test
    void forbidden403() {
        refused(() -> Fixtures.submit("node", Fixtures.body(MonitorKeys.STRANGER, List.of(Fixtures.result(node, 90)),
                Fixtures.nextTimestamp())), 403, "unknown_signer", "signer");
        refused(() -> given().header("Authorization", TestJwt.bearer("n1someone", "account")).contentType(ContentType.JSON)
                .body("{\"semver\":\"9.9.9\"}").post("/v1/admin/releases"), 403, "forbidden", "authorization");
    }

    @Test
    void notFound404() {
        long neverBonded = Fixtures.freshNodeId();
        refused(() -> given().get("/v1/nym-nodes/annotation/" + neverBonded), 404, "unknown_node", "node_id");
    }

    @Test
    void conflict409() {
        String body = signed(Fixtures.nextTimestamp());
        Fixtures.submit("node", body).then().statusCode(200);
        refused(() -> Fixtures.submit("node", body), 409, "duplicate_submission", "timestamp");
    }

    @Test
    void tooLarge413() {
        refused(() -> Fixtures.submit("node", "{\"results\":[" + "x".repeat(4 * 1024 * 1024 + 10) + "]}"),
                413, "payload_too_large", "body");
    }
}
