package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.digest.StateDigest;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.ticketledger.application.LedgerView;
import net.nym.tokenomics.ticketledger.application.LedgerWriter;
import net.nym.tokenomics.ticketledger.domain.ledger.EpochTotals;
import net.nym.tokenomics.ticketledger.domain.ticket.SubmittedTicket;
import net.nym.tokenomics.ticketledger.it.LedgerTestSupport.Gateway;
import net.nym.tokenomics.ticketledger.persistence.SerialIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.body;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.bondedGateway;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.freshTickets;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.key;
import static net.nym.tokenomics.ticketledger.it.LedgerTestSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** {@code POST /v1/admin/rebuild-from-log}: the SQL double-spend index and the in-memory state, rebuilt from the log. */
@QuarkusTest
class RebuildFromLogTest {

    @Inject
    DataSource dataSource;

    @Inject
    LedgerView view;

    @Inject
    SerialIndex index;

    @Inject
    LedgerWriter writer;

    @BeforeEach
    void epochKnown() {
        LedgerTestSupport.ensureEpochClock();
    }

    @Test
    void aCorruptedIndexIsRebuiltFromTheLogToTheSameIndexStateAndUsage() {
        Gateway g1 = bondedGateway();
        Gateway g2 = bondedGateway();
        List<SubmittedTicket> tickets = freshTickets(30);
        submit(body(g1, key(), tickets)).then().statusCode(200);
        submit(body(g2, key(), tickets.subList(20, 30))).then().statusCode(200).body("counts.double_spend", equalTo(10));
        long epoch = submit(body(g2, key(), freshTickets(7))).then().statusCode(200).extract().jsonPath().getLong("epoch");
        view.catchUp();
        SerialIndex.IndexDigest sqlBefore = Transactions.inTransaction(dataSource, index::digest);
        String stateBefore = view.read(s -> StateDigest.of(s.canonicalView()));
        Optional<EpochTotals> usageBefore = view.read(s -> s.epochTotals(epoch));
        int indexed = view.read(s -> s.indexedSerials());
        assertThat(sqlBefore.rows()).isEqualTo(indexed);

        // Lose rows, invent one, and rewrite who redeemed another.
        Transactions.inTransaction(dataSource, c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM redeemed_serial WHERE serial IN ('" + tickets.get(0).serial() + "', '"
                        + tickets.get(1).serial() + "')");
                st.executeUpdate("UPDATE redeemed_serial SET gateway_node_id = 7, epoch = epoch + 3 WHERE serial = '"
                        + tickets.get(2).serial() + "'");
                st.executeUpdate("INSERT INTO redeemed_serial VALUES ('" + LedgerTestSupport.newSerial()
                        + "', 1, 'x', 1, 'v1-mixnet-entry', current_date, 'invented', now())");
            }
            return null;
        });
        assertThat(Transactions.inTransaction(dataSource, index::digest)).isNotEqualTo(sqlBefore);

        JsonPath rebuilt = given().header("Authorization", TestJwt.bearer("n1operator", "admin"))
                .post("/v1/admin/rebuild-from-log").then().statusCode(200).extract().jsonPath();

        assertThat(rebuilt.getString("index_digest")).isEqualTo(sqlBefore.sha256());
        assertThat(rebuilt.getInt("rows_written")).isEqualTo(sqlBefore.rows());
        assertThat(rebuilt.getInt("rows_before")).isEqualTo(sqlBefore.rows() - 1);
        assertThat(rebuilt.getString("state_digest")).isEqualTo(stateBefore);
        assertThat(rebuilt.getString("state_digest_before")).isEqualTo(stateBefore);
        assertThat(Transactions.inTransaction(dataSource, index::digest)).isEqualTo(sqlBefore);
        String stateAfter = view.read(s -> StateDigest.of(s.canonicalView()));
        Optional<EpochTotals> usageAfter = view.read(s -> s.epochTotals(epoch));
        assertThat(stateAfter).isEqualTo(stateBefore);
        assertThat(usageAfter).isEqualTo(usageBefore);
        assertThat(Sql.redeemed(dataSource, List.of(tickets.get(2).serial())))
                .containsEntry(tickets.get(2).serial(), g1.nodeId());

        // The rebuilt index guards as before: a serial it lost is a replay again, not a second acceptance.
        submit(body(g1, key(), tickets.subList(0, 1))).then().statusCode(200)
                .body("counts.replayed", equalTo(1)).body("counts.accepted", equalTo(0));
    }

    /**
     * After the log was imported from Kafka into an empty database, {@code redeemed_serial} is empty while the fold
     * indexes every serial: the start-up check rebuilds it; when table and fold agree it does nothing.
     */
    @Test
    void anIndexBehindTheLogIsRebuiltAtStartUpAndALevelOneIsLeftAlone() {
        Gateway g = bondedGateway();
        List<SubmittedTicket> tickets = freshTickets(12);
        submit(body(g, key(), tickets)).then().statusCode(200);
        view.catchUp();
        SerialIndex.IndexDigest before = Transactions.inTransaction(dataSource, index::digest);
        assertThat(writer.rebuildIndexIfBehindLog()).as("table and fold agree").isEmpty();

        Transactions.inTransaction(dataSource, c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("TRUNCATE redeemed_serial");
            }
            return null;
        });
        Optional<LedgerWriter.Rebuilt> rebuilt = writer.rebuildIndexIfBehindLog();

        assertThat(rebuilt).hasValueSatisfying(r -> {
            assertThat(r.rowsBefore()).isZero();
            assertThat(r.rowsWritten()).isEqualTo(before.rows());
            assertThat(r.indexDigest()).isEqualTo(before.sha256());
        });
        assertThat(Transactions.inTransaction(dataSource, index::digest)).isEqualTo(before);
        submit(body(g, key(), tickets.subList(0, 3))).then().statusCode(200)
                .body("counts.replayed", equalTo(3)).body("counts.accepted", equalTo(0));
    }

    @Test
    void rebuildingNeedsTheAdminRole() {
        given().post("/v1/admin/rebuild-from-log").then().statusCode(401);
        given().header("Authorization", TestJwt.bearer("n1someone", "account")).post("/v1/admin/rebuild-from-log")
                .then().statusCode(403);
    }
}
