package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.ticketledger.application.LedgerView;
import net.nym.tokenomics.ticketledger.domain.ledger.LedgerState;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import net.nym.tokenomics.ticketledger.persistence.SerialIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.freshTickets;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.newSerial;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(IsolatedProfile.class)
class ExpiryAndRateLimitTest {

    @Inject
    DataSource dataSource;

    @Inject
    LedgerView view;

    @Inject
    SerialIndex index;

    @BeforeEach
    void epochKnown() {
        LedgerTestSupport.ensureEpochClock();
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void expiryForgetsSerialsPastRetentionInTheLogAndInTheSqlIndexAlike() {
        Gateway g = bondedGateway();
        String old = newSerial();
        String recent = newSerial();
        submit(body(g, key(), List.of(new SubmittedTicket(old, "v1-mixnet-entry", today().minusDays(7)),
                new SubmittedTicket(recent, "v1-mixnet-entry", today())))).then().statusCode(200)
                .body("counts.accepted", equalTo(2));

        // Eight days later the cutoff (today - 14) has passed the old ticket's spend date but not the recent one's.
        TestClock.advance(Duration.ofDays(8));
        given().header("Authorization", TestJwt.bearer("n1operator", "admin")).post("/v1/admin/serial-expiry").then()
                .statusCode(200).body("ran", equalTo(true)).body("serials_removed", equalTo(1))
                .body("cutoff", equalTo(today().plusDays(8).minusDays(14).toString()))
                .body("spend_date_floor", equalTo(today().plusDays(8).minusDays(7).toString()));

        given().get("/v1/tickets/" + old).then().statusCode(404).body("reason", org.hamcrest.Matchers.containsString("forgotten"));
        given().get("/v1/tickets/" + recent).then().statusCode(200);
        assertThat(Sql.redeemed(dataSource, List.of(old, recent))).containsOnlyKeys(recent);
        Map<String, Long> sql = Transactions.inTransaction(dataSource, index::all);
        assertThat(sql.size()).isEqualTo(view.read(LedgerState::indexedSerials));
        // Running again the same day forgets nothing and records nothing.
        given().header("Authorization", TestJwt.bearer("n1operator", "admin")).post("/v1/admin/serial-expiry").then()
                .statusCode(200).body("ran", equalTo(false));
    }

    @Test
    void aGatewayOverItsRateGets429AndNothingIsStored() {
        Gateway g = bondedGateway();
        submit(body(g, key(), freshTickets(1))).then().statusCode(200);
        submit(body(g, key(), freshTickets(1))).then().statusCode(200);
        List<SubmittedTicket> third = freshTickets(1);
        submit(body(g, key(), third)).then().statusCode(429).header("Retry-After", notNullValue())
                .body("error", equalTo("rate_limited")).body("field", equalTo("gateway"));
        assertThat(Sql.redeemed(dataSource, List.of(third.getFirst().serial()))).isEmpty();
        // Another gateway has its own bucket.
        Gateway other = bondedGateway();
        submit(body(other, key(), freshTickets(1))).then().statusCode(200);
    }
}
