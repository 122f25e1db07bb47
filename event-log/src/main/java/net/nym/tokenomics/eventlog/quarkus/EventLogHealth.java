package net.nym.tokenomics.eventlog.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;

/** Ready when the event log's database answers; reports what the relay and the consumers have done. */
@Readiness
@ApplicationScoped
public class EventLogHealth implements HealthCheck {

    private final EventLogRuntime runtime;

    public EventLogHealth(EventLogRuntime runtime) {
        this.runtime = runtime;
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
        runtime.consumers().forEach((name, c) -> b.withData("consumer_" + name + "_applied", c.appliedCount()));
        return b.build();
    }
}
