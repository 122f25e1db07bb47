package net.nym.tokenomics.eventlog.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;

/**
 * Ready when the event log's database answers and no consumer channel is stuck on a record (retrying it: the
 * response names the channel, topic, partition and offset, and turns UP again once the record is applied or
 * parked); reports what the relay and the consumers have done.
 */
@Readiness
@ApplicationScoped
public class EventLogHealth implements HealthCheck {

    private final EventLogRuntime runtime;
    private final InboxChannels channels;

    public EventLogHealth(EventLogRuntime runtime, InboxChannels channels) {
        this.runtime = runtime;
        this.channels = channels;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("event-log");
        try (Connection c = runtime.dataSource().getConnection()) {
            b.status(c.isValid(2));
        } catch (Exception e) {
            return b.down().withData("database", e.getMessage()).build();
        }
        b.withData("topic", runtime.config().topic());
        if (runtime.relay() != null) {
            b.withData("relay_published", runtime.relay().publishedCount());
        }
        channels.channels().forEach((channel, d) -> {
            b.withData("channel_" + channel + "_applied", d.appliedCount());
            b.withData("channel_" + channel + "_parked", d.parkedCount());
            d.stuck().ifPresent(s -> b.down().withData("channel_" + channel + "_stuck", "%s-%d@%d attempt %d: %s"
                    .formatted(s.topic(), s.partition(), s.offset(), s.attempt(), s.error())));
        });
        return b.build();
    }
}
