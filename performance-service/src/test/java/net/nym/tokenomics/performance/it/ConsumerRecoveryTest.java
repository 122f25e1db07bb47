package net.nym.tokenomics.performance.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.decimal.Unym;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.testing.InboxFault;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.PatientRetryProfile;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.persistence.PerformanceEvents;
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
 * Over HTTP, on the channel {@code registry-inputs} (a NodeBonded on rewards-service's topic): readiness is DOWN,
 * naming the channel and the record's topic, partition and offset, while the record is retried, and UP once its cause
 * is gone and it is applied (once): the node is registered and its performance is served; a consumer thrown out of its
 * group goes on consuming.
 */
@QuarkusTest
@TestProfile(PatientRetryProfile.class)
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class ConsumerRecoveryTest {

    /** What the consumer appends for a NodeBonded: the node registered in the {@code node-registry} stream. */
    static final String RECORDED = PerformanceEvents.NodeRegistered.TYPE;

    @Inject
    DataSource dataSource;

    @Test
    void readinessNamesTheRecordBeingRetriedAndIsUpAgainWhenItIsApplied() {
        String rewards = Fixtures.topic("rewards");
        long node = Fixtures.freshNodeId();
        UUID eventId = UUID.randomUUID();
        try (InboxFault fault = InboxFault.refuse(dataSource, eventId)) {
            produceBonded(node, eventId);
            long offset = LocalInfra.readAll(rewards).stream().filter(r -> KafkaEnvelope.eventId(r).equals(eventId))
                    .mapToLong(ConsumerRecord::offset).findFirst().orElseThrow();
            String down = await().atMost(Duration.ofSeconds(60)).until(
                    () -> given().get("/q/health/ready").then().extract().asString(), body -> body.contains("_stuck"));
            given().get("/q/health/ready").then().statusCode(503);
            assertThat(down).contains("channel_registry-inputs_stuck", rewards + "-0@" + offset, "test fault");
            assertThat(given().get("/v1/nym-nodes/performance/" + node).statusCode()).isEqualTo(404);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        // readiness is up once the record is appended; the read model serves the node once the follower folded it
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/v1/nym-nodes/performance/" + node).statusCode() == 200);
        assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).containsExactly(RECORDED);
        assertThat(InboxFault.inboxRows(dataSource, eventId)).isEqualTo(1);
        assertThat(given().get("/q/health/ready").then().extract().asString()).doesNotContain("_stuck");
    }

    @Test
    void aConsumerRemovedFromItsGroupRejoinsAndGoesOnConsuming() throws Exception {
        String group = ConfigProvider.getConfig().getValue("mp.messaging.incoming.registry-inputs.group.id", String.class);
        Fixtures.bond(Fixtures.freshNodeId());
        try (Admin admin = Admin.create(LocalInfra.kafkaConfig())) {
            Set<String> before = members(admin, group);
            assertThat(before).isNotEmpty();
            // no members named: every member of the group is removed; the running consumer's next poll fails
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all().get();
            Fixtures.bond(Fixtures.freshNodeId());
            Set<String> after = await().atMost(Duration.ofSeconds(60)).until(() -> members(admin, group), m -> !m.isEmpty());
            assertThat(after).as("a new member joined in place of the removed one").doesNotContainAnyElementsOf(before);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Produces a NodeBonded of {@code node} with event id {@code eventId} on rewards-service's topic, as its relay would. */
    static void produceBonded(long node, UUID eventId) {
        Fixtures.produce("rewards", eventId, new IntegrationEvents.NodeBonded(node, "n1owner" + node,
                Fixtures.identity(node), "127.0.0.1", 1, new IntegrationEvents.NodeRoles(true, false, false),
                Unym.of(100_000_000L), 1));
    }

    private static Set<String> members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .map(MemberDescription::consumerId).collect(Collectors.toSet());
    }
}
