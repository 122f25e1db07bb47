package net.nym.tokenomics.ticketledger;

import io.quarkus.test.junit.QuarkusTest;
import net.nym.tokenomics.eventlog.testing.ServiceSmokeTest;

@QuarkusTest
class SmokeTest extends ServiceSmokeTest {
}
