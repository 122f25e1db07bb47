package net.nym.tokenomics.performance;

import io.quarkus.test.junit.QuarkusTest;
import net.nym.tokenomics.eventlog.testing.ServiceSmokeTest;

@QuarkusTest
class SmokeTest extends ServiceSmokeTest {
}
