package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A service of its own whose consumer retries a failing record (almost) for ever, so it stays stuck until fixed. */
public class PatientRetryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("eventlog.consumer.attempts", "1000000", "eventlog.consumer.first-backoff", "PT0.05S",
                "eventlog.consumer.max-backoff", "PT0.2S");
    }
}
