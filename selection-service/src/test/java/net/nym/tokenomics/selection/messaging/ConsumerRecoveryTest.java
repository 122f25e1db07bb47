package net.nym.tokenomics.selection.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.store.StoredEvent;
import net.nym.tokenomics.eventlog.testing.InboxFault;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.PatientRetryProfile;
import net.nym.tokenomics.selection.Fixtures;
import net.nym.tokenomics.selection.persistence.SelectionEvents;
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
 * Over HTTP, on the channel {@code selection-inputs} (a NodeBonded on rewards-service's topic): readiness is DOWN,
 * naming the channel and the record's topic, partition and offset, while the record is retried, and UP once its cause
 * is gone and it is recorded (once) in the log as {@code selection.NodeBondedRecorded}; a consumer thrown out of its
 * group goes on consuming.
 */
@QuarkusTest
@TestProfile(PatientRetryProfile.class)
class ConsumerRecoveryTest {

    /** What the consumer appends for a NodeBonded: the input recorded in the selection stream. */
    static final String RECORDED = SelectionEvents.NODE_BONDED_RECORDED;

    @Inject
    DataSource dataSource;

    @Test
    void readinessNamesTheRecordBeingRetriedAndIsUpAgainWhenItIsApplied() {
        String rewards = config("topics.rewards");
        StoredEvent bonded = newBonded();
        UUID eventId = bonded.eventId();
        try (InboxFault fault = InboxFault.refuse(dataSource, eventId)) {
            Fixtures.send(rewards, bonded);
            long offset = LocalInfra.readAll(rewards).stream().filter(r -> KafkaEnvelope.eventId(r).equals(eventId))
                    .mapToLong(ConsumerRecord::offset).findFirst().orElseThrow();
            String down = await().atMost(Duration.ofSeconds(60)).until(
                    () -> given().get("/q/health/ready").then().extract().asString(), body -> body.contains("_stuck"));
            given().get("/q/health/ready").then().statusCode(503);
            assertThat(down).contains("channel_selection-inputs_stuck", rewards + "-0@" + offset, "test fault");
            assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).isEmpty();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).containsExactly(RECORDED);
        assertThat(InboxFault.inboxRows(dataSource, eventId)).isEqualTo(1);
        assertThat(given().get("/q/health/ready").then().extract().asString()).doesNotContain("_stuck");
    }

    @Test
    void aConsumerRemovedFromItsGroupRejoinsAndGoesOnConsuming() throws Exception {
        String group = config("mp.messaging.incoming.selection-inputs.group.id");
        bondAndAwait();
        try (Admin admin = Admin.create(LocalInfra.kafkaConfig())) {
            Set<String> before = members(admin, group);
            assertThat(before).isNotEmpty();
            // no members named: every member of the group is removed; the running consumer's next poll fails
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all().get();
            bondAndAwait();
            Set<String> after = await().atMost(Duration.ofSeconds(60)).until(() -> members(admin, group), m -> !m.isEmpty());
            assertThat(after).as("a new member joined in place of the removed one").doesNotContainAnyElementsOf(before);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** A NodeBonded of a node no other test uses, as rewards-service's log holds it. */
    static StoredEvent newBonded() {
        long node = Fixtures.nodeBase();
        return Fixtures.stored(Fixtures.bonded(node, "owner" + node, true, false, false));
    }

    private void bondAndAwait() {
        UUID id = Fixtures.send(config("topics.rewards"), newBonded()).eventId();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> InboxFault.eventTypesCausedBy(dataSource, id).equals(List.of(RECORDED)));
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    private static Set<String> members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .map(MemberDescription::consumerId).collect(Collectors.toSet());
    }
}
