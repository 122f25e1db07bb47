package net.nym.tokenomics.ticketledger.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.ticketledger.application.LedgerView;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.it.IsolatedProfile;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import net.nym.tokenomics.ticketledger.it.Sql;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.freshTickets;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.newGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One bad request per row of the shared error table ({@link ErrorKind}) that ticket-ledger can answer: the status,
 * the one JSON body {@code {error, field, reason}}, and nothing written to the log. Runs in the isolated profile
 * (burst of 2 batches per gateway) so the rate limit is reachable; every row uses gateways of its own.
 */
@QuarkusTest
@TestProfile(IsolatedProfile.class)
class ErrorTableTest {

    @Inject
    DataSource dataSource;

    @Inject
    LedgerView view;

    @Test
    void everyRowOfTheTableAnswersItsStatusAndBodyAndRecordsNothing() {
        LedgerTestSupport.ensureEpochClock();
        Gateway invalid = bondedGateway();
        Gateway signer = bondedGateway();
        Gateway conflicting = bondedGateway();
        Gateway limited = bondedGateway();
        List<SubmittedTicket> tickets = freshTickets(2);
        String used = key();
        submit(body(conflicting, used, tickets)).then().statusCode(200);
        submit(body(limited, key(), freshTickets(1))).then().statusCode(200);
        submit(body(limited, key(), freshTickets(1))).then().statusCode(200);

        refused(ErrorKind.INVALID, "stale_submission", "submitted_at", () -> submit(body(invalid, invalid.identity(), key(),
                freshTickets(1), Instant.now().minusSeconds(3600))));
        refused(ErrorKind.INVALID, "malformed_base58", "gateway", () -> submit(body(invalid, key(), freshTickets(1))
                .replace(invalid.identity().base58(), "0OIl" + invalid.identity().base58().substring(4))));
        refused(ErrorKind.INVALID, "invalid_field", "from_epoch",
                () -> given().get("/v1/gateways/1/usage?from_epoch=5&to_epoch=4"));
        refused(ErrorKind.UNAUTHENTICATED, "bad_signature", "signature",
                () -> submit(body(invalid, signer.identity(), key(), freshTickets(1), Instant.now())));
        refused(ErrorKind.UNAUTHENTICATED, "unauthenticated", "authorization",
                () -> given().post("/v1/admin/serial-expiry"));
        refused(ErrorKind.FORBIDDEN, "unknown_gateway", "gateway", () -> submit(body(newGateway(), key(), freshTickets(1))));
        refused(ErrorKind.FORBIDDEN, "forbidden", "authorization", () -> given()
                .header("Authorization", TestJwt.bearer("n1someone", "account")).post("/v1/admin/serial-expiry"));
        refused(ErrorKind.NOT_FOUND, "not_redeemed", "serial",
                () -> given().get("/v1/tickets/" + LedgerTestSupport.newSerial()));
        refused(ErrorKind.CONFLICT, "idempotency_key_conflict", "idempotency_key",
                () -> submit(body(conflicting, used, freshTickets(1))));
        refused(ErrorKind.TOO_LARGE, "batch_too_large", "tickets", () -> submit(body(invalid, key(), freshTickets(501))));
        refused(ErrorKind.TOO_LARGE, "body_too_large", "body",
                () -> submit("{\"gateway\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"));
        Response limit = refused(ErrorKind.RATE_LIMITED, "rate_limited", "gateway",
                () -> submit(body(limited, key(), freshTickets(1))));
        assertThat(limit.header("Retry-After")).isNotBlank();
    }

    /** 503 needs a ledger that has neither an epoch clock nor a closed epoch; this instance's log closes none. */
    @Test
    void aLedgerThatKnowsNoEpochAnswersNotReady() {
        Gateway g = bondedGateway();
        boolean noEpochClosed = view.read(s -> s.openEpoch().isEmpty());
        assumeTrue(noEpochClosed, "an epoch was closed in this instance's log");
        OptionalLong before = clock();
        try {
            setClock(null);
            refused(ErrorKind.NOT_READY, "epoch_unknown", "request", () -> submit(body(g, key(), freshTickets(1))));
        } finally {
            setClock(before.isPresent() ? before.getAsLong() : null);
        }
    }

    private Response refused(ErrorKind kind, String error, String field, Supplier<Response> request) {
        long logBefore = Sql.logSize(dataSource);
        Response r = request.get();
        assertThat(r.statusCode()).as(error + ": " + r.asString()).isEqualTo(kind.status());
        assertThat(r.contentType()).startsWith("application/json");
        Map<String, Object> body = r.jsonPath().getMap("");
        assertThat(body).as(error).containsOnlyKeys("error", "field", "reason")
                .containsEntry("error", error).containsEntry("field", field);
        assertThat((String) body.get("reason")).as(error).isNotBlank();
        assertThat(Sql.logSize(dataSource)).as(error + ": nothing recorded").isEqualTo(logBefore);
        return r;
    }

    private OptionalLong clock() {
        return Transactions.inTransaction(dataSource, c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT current_epoch FROM epoch_clock WHERE id = 1")) {
                return rs.next() && rs.getObject(1) != null ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    private void setClock(Long epoch) {
        Transactions.inTransaction(dataSource, c -> {
            try (var ps = c.prepareStatement("UPDATE epoch_clock SET current_epoch = ? WHERE id = 1")) {
                ps.setObject(1, epoch);
                return ps.executeUpdate();
            }
        });
    }
}
