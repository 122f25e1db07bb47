package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.testing.InboxFault;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.PatientRetryProfile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over HTTP: readiness is DOWN, naming the channel and the record's topic, partition and offset, while a record is
 * retried, and UP once its cause is gone and it is applied (once); a consumer thrown out of its group goes on
 * consuming.
 */
@QuarkusTest
@TestProfile(PatientRetryProfile.class)
class ConsumerRecoveryTest {


    @Inject
    DataSource dataSource;

    @Test
    void readinessNamesTheRecordBeingRetriedAndIsUpAgainWhenItIsApplied() {
        LedgerTestSupport.Gateway g = LedgerTestSupport.newGateway();
        UUID eventId = UUID.randomUUID();
        String rewards = LedgerTestSupport.topic("rewards");
        try (InboxFault fault = InboxFault.refuse(dataSource, eventId)) {
            LedgerTestSupport.produceBonded(g, eventId);
            long offset = LocalInfra.readAll(rewards).stream().filter(r -> KafkaEnvelope.eventId(r).equals(eventId))
                    .mapToLong(ConsumerRecord::offset).findFirst().orElseThrow();
            String down = await().atMost(Duration.ofSeconds(60)).until(
                    () -> given().get("/q/health/ready").then().extract().asString(), body -> body.contains("_stuck"));
            given().get("/q/health/ready").then().statusCode(503);
            assertThat(down).contains("channel_ledger-inputs_stuck", rewards + "-0@" + offset, "test fault");
            assertThat(given().get("/v1/gateways/" + g.nodeId()).statusCode()).isEqualTo(404);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        // the record is appended; the read model serves the gateway once the follower folded it
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/v1/gateways/" + g.nodeId()).statusCode() == 200);
        assertThat(InboxFault.inboxRows(dataSource, eventId)).isEqualTo(1);
        assertThat(given().get("/q/health/ready").then().extract().asString()).doesNotContain("_stuck");
    }

    @Test
    void aConsumerRemovedFromItsGroupRejoinsAndGoesOnConsuming() throws Exception {
        assertThat(group()).as("a group of this run's own").startsWith("ticket-ledger-service-").isNotEqualTo("ticket-ledger-service");
        LedgerTestSupport.bondedGateway();
        try (Admin admin = Admin.create(LocalInfra.kafkaConfig())) {
            Set<String> before = members(admin);
            assertThat(before).isNotEmpty();
            // no members named: every member of the group is removed; the running consumer's next poll fails
            admin.removeMembersFromConsumerGroup(group(), new RemoveMembersFromConsumerGroupOptions()).all().get();
            LedgerTestSupport.bondedGateway();
            Set<String> after = await().atMost(Duration.ofSeconds(60)).until(() -> members(admin), m -> !m.isEmpty());
            assertThat(after).as("a new member joined in place of the removed one").doesNotContainAnyElementsOf(before);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static Set<String> members(Admin admin) throws Exception {
        String group = group();
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .map(MemberDescription::consumerId).collect(Collectors.toSet());
    }

    /**
     * The running service's group: {@code ticket-ledger-service-<run id>} in the test profile, never the production
     * {@code ticket-ledger-service} a benchmark on the same broker may be a member of (read at each use: every test
     * profile starts the service with a run id of its own).
     */
    private static String group() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.ledger-inputs.group.id", String.class);
    }
}
