package net.nym.tokenomics.ticketledger.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.json.Json;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.it.IsolatedProfile;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import net.nym.tokenomics.ticketledger.it.Sql;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.freshTickets;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile batch bodies from a bonded gateway: each is refused with a 400 and the JSON error body, and nothing is
 * written. A field far longer than its longest legitimate value is refused by its length, before it is decoded.
 */
@QuarkusTest
@TestProfile(IsolatedProfile.class)
class HostileInputTest {

    private static final String HUGE = "2".repeat(400_000);

    @Inject
    DataSource dataSource;

    @Test
    void a400000CharacterFieldIsRefusedByItsLengthAndNothingIsWritten() {
        LedgerTestSupport.ensureEpochClock();
        Gateway g = bondedGateway();
        List<SubmittedTicket> tickets = freshTickets(1);
        String valid = body(g, key(), tickets);
        Map<String, UnaryOperator<String>> fields = new LinkedHashMap<>();
        fields.put("gateway", b -> b.replace(g.identity().base58(), HUGE));
        fields.put("signature", b -> replaceValue(b, "signature", HUGE));
        fields.put("digest", b -> b.replaceFirst("\\{", "{\"digest\":\"" + HUGE + "\","));
        fields.put("tickets[0].serial", b -> b.replace(tickets.getFirst().serial(), HUGE));
        fields.put("tickets[0].ticket_type", b -> b.replace("v1-mixnet-entry", "v" + HUGE));
        fields.put("tickets[0].spend_date", b -> b.replace(tickets.getFirst().spendDate().toString(), HUGE));
        fields.put("submitted_at", b -> replaceValue(b, "submitted_at", HUGE));
        fields.forEach((field, corrupt) -> refused(corrupt.apply(valid), "field_too_long", field));
    }

    /** An instant Instant.parse reads but no signed payload can hold (its epoch millis overflow a long). */
    @Test
    void aSubmittedAtBeyondTheRangeOfEpochMillisIsRefused() {
        LedgerTestSupport.ensureEpochClock();
        Gateway g = bondedGateway();
        String body = replaceValue(body(g, key(), freshTickets(1)), "submitted_at", "+999999999-12-31T23:59:59Z");
        refused(body, "invalid_field", "submitted_at");
    }

    /** PostgreSQL text cannot hold NUL; a raw ticket type is stored with an invalid outcome, so it is refused first. */
    @Test
    void aNulInAStringIsRefusedBeforeAnythingIsStored() {
        LedgerTestSupport.ensureEpochClock();
        Gateway g = bondedGateway();
        List<SubmittedTicket> tickets = List.of(new SubmittedTicket(LedgerTestSupport.newSerial(), "v1-\u0000",
                LedgerTestSupport.today()));
        refused(body(g, key(), tickets), "malformed_json", "tickets[0].ticket_type");
    }

    private void refused(String body, String error, String field) {
        long before = Sql.allEvents(dataSource);
        Response r = submit(body);
        assertThat(r.statusCode()).as(field + ": " + r.asString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/json");
        Map<String, Object> json = r.jsonPath().getMap("");
        assertThat(json).as(field).containsOnlyKeys("error", "field", "reason")
                .containsEntry("error", error).containsEntry("field", field);
        assertThat(Sql.allEvents(dataSource)).as(field + ": nothing written").isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static String replaceValue(String body, String field, String value) {
        try {
            Map<String, Object> map = Json.mapper().readValue(body, Map.class);
            map.put(field, value);
            return Json.write(map);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
