import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/** Creates the services' topics with infinite retention, waiting for the broker to answer. Usage: servers partitions topic... */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
        int partitions = Integer.parseInt(args[1]);
        try (Admin admin = Admin.create(props)) {
            for (String topic : Arrays.copyOfRange(args, 2, args.length)) {
                NewTopic t = new NewTopic(topic, partitions, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete",
                                "max.message.bytes", "33554432"));
                try {
                    admin.createTopics(java.util.List.of(t)).all().get();
                    System.err.println("[local-infra] created topic " + topic + " (" + partitions + " partitions, retention.ms=-1)");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            admin.describeCluster().nodes().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
