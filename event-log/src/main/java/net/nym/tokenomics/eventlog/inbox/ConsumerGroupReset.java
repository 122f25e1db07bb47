package net.nym.tokenomics.eventlog.inbox;

import net.nym.tokenomics.eventlog.cli.CommandOptions;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Deletes the committed Kafka offsets of a service's consumer groups, the last step of rebuilding its database from
 * Kafka. Offsets are committed after the inbox transaction; a database dropped before the relay published that
 * transaction's effects loses them, and without this step the consumer would resume after inputs whose effects no
 * longer exist. With the offsets gone the consumers start from the beginning ({@code auto.offset.reset=earliest}): the
 * rebuilt inbox turns every input already applied into a no-op and the lost ones are applied again.
 *
 * <p>Kafka refuses to delete the offsets of a group that has active members: the service must be stopped. A member of
 * a crashed process stays in its group until its session times out, so the reset waits (up to a limit) for the
 * group to become empty, and fails naming the group if it does not.
 *
 * <pre>
 * java -cp event-log.jar:... net.nym.tokenomics.eventlog.inbox.ConsumerGroupReset \
 *     [--bootstrap 127.0.0.1:9092] [--kafka-config client.properties] --group-prefix rewards-service [--topic-prefix P]
 * </pre>
 * The command waits up to 60 s for the groups to have no members.
 */
public final class ConsumerGroupReset {

    /** What was reset: group id → partitions whose committed offset was deleted. */
    public record Result(Map<String, Set<TopicPartition>> deleted) {
    }

    private ConsumerGroupReset() {
    }

    /**
     * Deletes the committed offsets of every group whose id starts with {@code groupPrefix}, on the topics accepted by
     * {@code topics}.
     */
    public static Result reset(Map<String, Object> kafkaConfig, String groupPrefix, Predicate<String> topics,
                               Duration waitForInactive) throws InterruptedException, ExecutionException {
        Map<String, Set<TopicPartition>> deleted = new HashMap<>();
        try (Admin admin = Admin.create(kafkaConfig)) {
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get()) {
                if (g.groupId().startsWith(groupPrefix)) {
                    groups.add(g.groupId());
                }
            }
            for (String group : groups) {
                Set<TopicPartition> committed = new HashSet<>();
                for (TopicPartition tp : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().keySet()) {
                    if (topics.test(tp.topic())) {
                        committed.add(tp);
                    }
                }
                if (!committed.isEmpty()) {
                    awaitNoMembers(admin, group, waitForInactive);
                    admin.deleteConsumerGroupOffsets(group, committed).all().get();
                    deleted.put(group, committed);
                }
            }
        }
        return new Result(deleted);
    }

    private static void awaitNoMembers(Admin admin, String group, Duration limit) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer group " + group + " still has active members after " + limit
                        + ": stop the service before resetting its offsets");
            }
            Thread.sleep(500);
        }
    }

    public static void main(String[] args) throws Exception {
        CommandOptions o;
        try {
            o = CommandOptions.parse(args, Set.of());
            if (!o.has("group-prefix")) {
                throw new IllegalArgumentException("missing --group-prefix");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ConsumerGroupReset [--bootstrap HOST:PORT] [--kafka-config client.properties] "
                    + "--group-prefix PREFIX [--topic-prefix PREFIX]");
            System.exit(2);
            return;
        }
        String topicPrefix = o.get("topic-prefix", "");
        Result r = reset(o.kafkaConfig(), o.get("group-prefix", ""), t -> t.startsWith(topicPrefix), Duration.ofSeconds(60));
        if (r.deleted().isEmpty()) {
            System.out.println("no committed offsets of groups " + o.get("group-prefix", "") + "* to reset");
        }
        r.deleted().forEach((group, partitions) -> System.out.printf("reset group %s: %d partitions will be read from the "
                + "beginning (%s)%n", group, partitions.size(), partitions.stream().map(TopicPartition::topic).distinct().sorted().toList()));
    }
}
