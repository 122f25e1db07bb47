package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.freshTickets;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.newGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.newSerial;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RedemptionApiTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void epochKnown() {
        LedgerTestSupport.ensureEpochClock();
    }

    @Test
    void aBatchWithOneBadTicketReportsEveryOutcomeAndStoresExactlyWhatItReports() {
        Gateway g = bondedGateway();
        String other = newSerial();
        Gateway first = bondedGateway();
        submit(body(first, key(), List.of(LedgerTestSupport.ticket(other)))).then().statusCode(200);

        List<SubmittedTicket> tickets = new ArrayList<>(freshTickets(3));
        tickets.add(1, new SubmittedTicket("0OIl-not-base58", "v1-mixnet-entry", today()));
        tickets.add(new SubmittedTicket(newSerial(), "v1-mixnet-exit", today()));
        tickets.add(LedgerTestSupport.ticket(other));
        String key = key();
        Response r = submit(body(g, key, tickets));

        r.then().statusCode(200)
                .body("batch_id", equalTo(key))
                .body("gateway.node_id", equalTo((int) g.nodeId()) )
                .body("counts.submitted", equalTo(6))
                .body("counts.accepted", equalTo(4))
                .body("counts.invalid", equalTo(1))
                .body("counts.double_spend", equalTo(1))
                .body("tickets[1].outcome", equalTo("invalid"))
                .body("tickets[1].reason", equalTo("malformed_serial"))
                .body("tickets[4].outcome", equalTo("accepted"))
                .body("tickets[4].ticket_type", equalTo("v1-mixnet-exit"))
                .body("tickets[5].outcome", equalTo("double_spend"))
                .body("tickets[5].first_gateway.node_id", equalTo((int) first.nodeId()));
        List<String> outcomes = r.jsonPath().getList("tickets.outcome");
        assertThat(outcomes).containsExactly("accepted", "invalid", "accepted", "accepted", "accepted", "double_spend");

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            if (outcomes.get(i).equals("accepted")) {
                accepted.add(tickets.get(i).serial());
            }
        }
        // The SQL index holds exactly the accepted serials for this gateway, and the other gateway keeps its own.
        Map<String, Long> rows = Sql.redeemed(dataSource, tickets.stream().map(SubmittedTicket::serial).toList());
        assertThat(rows).hasSize(5);
        accepted.forEach(s -> assertThat(rows).containsEntry(s, g.nodeId()));
        assertThat(rows).containsEntry(other, first.nodeId());
        // The read side says the same.
        for (String serial : accepted) {
            given().get("/v1/tickets/" + serial).then().statusCode(200)
                    .body("gateway_node_id", equalTo((int) g.nodeId())).body("batch_id", equalTo(key));
        }
        given().get("/v1/tickets/" + other).then().statusCode(200)
                .body("gateway_node_id", equalTo((int) first.nodeId()))
                .body("double_spend_attempts[0].gateway_node_id", equalTo((int) g.nodeId()));
        long epoch = r.jsonPath().getLong("epoch");
        given().get("/v1/gateways/" + g.nodeId() + "/usage?from_epoch=" + epoch + "&to_epoch=" + epoch).then().statusCode(200)
                .body("epochs[0].tickets", equalTo(4))
                .body("epochs[0].double_spends_rejected", equalTo(1))
                .body("epochs[0].value", equalTo("6000000"))
                .body("epochs[0].bandwidth_bytes", equalTo(3 * 200_000_000 + 100_000_000));
        assertThat(Sql.batchEvents(dataSource, g.identity().base58(), key)).isEqualTo(1);
    }

    @Test
    void aResubmissionGetsTheOriginalAnswerAndRecordsNothing() {
        Gateway g = bondedGateway();
        String key = key();
        List<SubmittedTicket> tickets = freshTickets(3);
        String body = body(g, key, tickets);
        Response first = submit(body);
        first.then().statusCode(200).body("counts.accepted", equalTo(3));

        Response again = submit(body);
        again.then().statusCode(200).header("Idempotent-Replayed", "true");
        assertThat(again.asString()).isEqualTo(first.asString());
        // Re-signed later with the same key and tickets: still the original answer.
        Response resigned = submit(LedgerTestSupport.body(g, g.identity(), key, tickets, Instant.now().plusSeconds(1)));
        assertThat(resigned.asString()).isEqualTo(first.asString());
        assertThat(Sql.batchEvents(dataSource, g.identity().base58(), key)).isEqualTo(1);

        // The same key for different tickets is a conflict.
        submit(body(g, key, freshTickets(1))).then().statusCode(409)
                .body("error", equalTo("idempotency_key_conflict")).body("field", equalTo("idempotency_key"));
        assertThat(Sql.batchEvents(dataSource, g.identity().base58(), key)).isEqualTo(1);
    }

    @Test
    void refusedBatchesAnswer4xxNamingTheProblemAndStoreNothing() {
        Gateway g = bondedGateway();
        Gateway other = bondedGateway();
        List<SubmittedTicket> tickets = freshTickets(2);
        List<String> serials = tickets.stream().map(SubmittedTicket::serial).toList();
        long logBefore = Sql.logSize(dataSource);

        // Bad signature: signed over different tickets.
        String tampered = body(g, key(), freshTickets(2)).replace("\"tickets\"", "\"tickets_x\"");
        String k1 = key();
        String good = body(g, k1, tickets);
        String badSig = good.replace(tickets.get(0).serial(), newSerial());
        submit(badSig).then().statusCode(401).body("error", equalTo("bad_signature")).body("field", equalTo("signature"));
        // Wrong gateway: `other` signs a batch claiming g's identity.
        submit(body(other, g.identity(), key(), tickets, Instant.now())).then().statusCode(401)
                .body("field", equalTo("signature"));
        // Unknown gateway: correctly signed by a key no bonded node has.
        Gateway stranger = newGateway();
        submit(body(stranger, key(), tickets)).then().statusCode(403).body("error", equalTo("unknown_gateway"));
        // Stale and future batches.
        submit(body(g, g.identity(), key(), tickets, Instant.now().minusSeconds(3600))).then().statusCode(400)
                .body("error", equalTo("stale_submission")).body("field", equalTo("submitted_at"));
        submit(body(g, g.identity(), key(), tickets, Instant.now().plusSeconds(3600))).then().statusCode(400)
                .body("error", equalTo("submission_from_future"));
        // Oversize batch (test max-batch-size is 500).
        submit(body(g, key(), freshTickets(501))).then().statusCode(413)
                .body("error", equalTo("batch_too_large")).body("field", equalTo("tickets"));
        // Malformed Base58 in the gateway identity and in the signature.
        submit(good.replace(g.identity().base58(), "0OIl" + g.identity().base58().substring(4))).then().statusCode(400)
                .body("error", equalTo("malformed_base58")).body("field", equalTo("gateway"));
        String sig = io.restassured.path.json.JsonPath.from(good).getString("signature");
        submit(good.replace(sig, sig.substring(0, 10) + "0" + sig.substring(11))).then().statusCode(400)
                .body("field", equalTo("signature"));
        // Wrong digest.
        submit(good.replace("\"gateway\"", "\"digest\":\"" + LedgerTestSupport.newSerial().substring(0, 44) + "\",\"gateway\""))
                .then().statusCode(400).body("field", equalTo("digest"));
        // Malformed JSON, unknown and missing fields, a bad date.
        submit("{\"gateway\":").then().statusCode(400).body("error", equalTo("malformed_json"));
        submit(tampered).then().statusCode(400).body("error", equalTo("malformed_json"));
        submit(good.replace("\"idempotency_key\"", "\"idempotency_keyx\"")).then().statusCode(400);
        submit("{\"gateway\":\"" + g.identity().base58() + "\"}").then().statusCode(400)
                .body("error", equalTo("missing_field")).body("field", equalTo("idempotency_key"));
        submit(good.replace(today().toString(), "16/05/2026")).then().statusCode(400)
                .body("field", equalTo("tickets[0].spend_date"));

        assertThat(Sql.redeemed(dataSource, serials)).isEmpty();
        assertThat(Sql.logSize(dataSource)).isEqualTo(logBefore);
        // The untouched batch still goes through afterwards.
        submit(good).then().statusCode(200).body("counts.accepted", equalTo(2));
    }

    @Test
    void anOversizeBodyIsRefusedWithAJsonBody() {
        String huge = "{\"gateway\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        submit(huge).then().statusCode(413).body("error", equalTo("body_too_large"));
    }

    @Test
    void readsAnswer404And400ForUnknownAndMalformedIds() {
        given().get("/v1/tickets/" + newSerial()).then().statusCode(404).body("error", equalTo("not_redeemed"));
        given().get("/v1/tickets/0OIl").then().statusCode(400).body("field", equalTo("serial"));
        given().get("/v1/gateways/1/usage?from_epoch=5&to_epoch=4").then().statusCode(400).body("field", equalTo("from_epoch"));
        given().get("/v1/epochs/-1/usage").then().statusCode(400);
        given().get("/v1/gateways/4294967297").then().statusCode(404);
    }
}
