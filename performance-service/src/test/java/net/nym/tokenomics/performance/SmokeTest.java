package net.nym.tokenomics.performance;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.nym.tokenomics.eventlog.testing.ServiceSmokeTest;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.performance.it.MonitorKeys;

@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(MonitorKeys.class)
class SmokeTest extends ServiceSmokeTest {
}
