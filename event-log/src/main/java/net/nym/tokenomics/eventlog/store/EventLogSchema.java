package net.nym.tokenomics.eventlog.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Creates or upgrades the event-log tables (and a service's own migrations) with Flyway. The services run the same
 * migrations through Quarkus' Flyway extension; tools and tests use this.
 */
public final class EventLogSchema {

    public static final String EVENT_LOG_LOCATION = "classpath:db/eventlog";

    private EventLogSchema() {
    }

    public static void migrate(DataSource dataSource, String schema, String... extraLocations) {
        String[] locations = new String[extraLocations.length + 1];
        locations[0] = EVENT_LOG_LOCATION;
        System.arraycopy(extraLocations, 0, locations, 1, extraLocations.length);
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(locations)
                .load()
                .migrate();
    }
}
