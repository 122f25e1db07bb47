package net.nym.tokenomics.rewards.app;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import net.nym.tokenomics.eventlog.contracts.IntegrationEvents;
import net.nym.tokenomics.eventlog.relay.KafkaEnvelope;
import net.nym.tokenomics.eventlog.testing.InboxFault;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.PatientRetryProfile;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.persistence.RecordedInput;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Over HTTP, on the channel {@code epoch-inputs} (an EpochEnded on the selection topic): readiness is DOWN, naming the
 * channel and the record's topic, partition and offset, while the record is retried, and UP once its cause is gone
 * and it is recorded (once) in the {@code epoch-inputs} stream; a consumer thrown out of its group goes on consuming.
 */
@QuarkusTest
@TestProfile(PatientRetryProfile.class)
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class ConsumerRecoveryTest {

    /** What the consumer appends for an EpochEnded: the input recorded in the {@code epoch-inputs} stream. */
    static final String RECORDED = RecordedInput.EpochEndedRecorded.TYPE;

    @Inject
    DataSource dataSource;

    @Test
    void readinessNamesTheRecordBeingRetriedAndIsUpAgainWhenItIsApplied() {
        UUID eventId = UUID.randomUUID();
        try (InboxFault fault = InboxFault.refuse(dataSource, eventId)) {
            InputTopics.publish(InputTopics.SELECTION, futureEpochEnded(), eventId);
            long offset = LocalInfra.readAll(InputTopics.SELECTION).stream()
                    .filter(r -> KafkaEnvelope.eventId(r).equals(eventId))
                    .mapToLong(ConsumerRecord::offset).findFirst().orElseThrow();
            String down = await().atMost(Duration.ofSeconds(60)).until(
                    () -> given().get("/q/health/ready").then().extract().asString(), body -> body.contains("_stuck"));
            given().get("/q/health/ready").then().statusCode(503);
            assertThat(down).contains("channel_epoch-inputs_stuck", InputTopics.SELECTION + "-0@" + offset, "test fault");
            assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).isEmpty();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        assertThat(InboxFault.eventTypesCausedBy(dataSource, eventId)).containsExactly(RECORDED);
        assertThat(InboxFault.inboxRows(dataSource, eventId)).isEqualTo(1);
        assertThat(given().get("/q/health/ready").then().extract().asString()).doesNotContain("_stuck");
    }

    @Test
    void aConsumerRemovedFromItsGroupRejoinsAndGoesOnConsuming() throws Exception {
        String group = ConfigProvider.getConfig().getValue("mp.messaging.incoming.epoch-inputs.group.id", String.class);
        recorded(InputTopics.publish(InputTopics.SELECTION, futureEpochEnded()));
        try (Admin admin = Admin.create(LocalInfra.kafkaConfig())) {
            Set<String> before = members(admin, group);
            assertThat(before).isNotEmpty();
            // no members named: every member of the group is removed; the running consumer's next poll fails
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all().get();
            recorded(InputTopics.publish(InputTopics.SELECTION, futureEpochEnded()));
            Set<String> after = await().atMost(Duration.ofSeconds(60)).until(() -> members(admin, group), m -> !m.isEmpty());
            assertThat(after).as("a new member joined in place of the removed one").doesNotContainAnyElementsOf(before);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** An EpochEnded far beyond the ledger's epoch: recorded as an input, never complete, so it closes nothing. */
    static IntegrationEvents.EpochEnded futureEpochEnded() {
        long epoch = 1_000_000 + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        return new IntegrationEvents.EpochEnded(epoch, 0, 0, Instant.EPOCH, Instant.EPOCH, false);
    }

    private void recorded(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> InboxFault.eventTypesCausedBy(dataSource, eventId).equals(List.of(RECORDED)));
    }

    private static Set<String> members(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .map(MemberDescription::consumerId).collect(Collectors.toSet());
    }
}
