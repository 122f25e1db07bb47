package net.nym.tokenomics.ticketledger;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import net.nym.tokenomics.eventlog.testing.PackagedServiceTest;
import net.nym.tokenomics.eventlog.testing.TestJwt;

/** The packaged service, started with the test profile (its own schema and topics) and a per-run JWT key. */
@QuarkusIntegrationTest
@QuarkusTestResource(TestJwt.class)
class StartupIT extends PackagedServiceTest {
}
