package net.nym.tokenomics.eventlog.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * For the services' consumer recovery tests: a service of its own (its own schema and topics) whose consumers retry a
 * failing record (almost) for ever, so it stays stuck, and readiness reports it, until its cause is removed.
 */
public class PatientRetryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("eventlog.consumer.attempts", "1000000", "eventlog.consumer.first-backoff", "PT0.05S",
                "eventlog.consumer.max-backoff", "PT0.2S");
    }
}
