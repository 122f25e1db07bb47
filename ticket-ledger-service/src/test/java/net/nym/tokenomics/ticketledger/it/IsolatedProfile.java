package net.nym.tokenomics.ticketledger.it;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A service of its own (new schema and topics) for tests that move the clock or exhaust a gateway's rate, so they
 * cannot disturb the other tests.
 */
public class IsolatedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ticket-ledger.rate-limit.burst", "2", "ticket-ledger.rate-limit.requests-per-second", "0.01");
    }
}
