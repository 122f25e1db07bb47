package net.nym.tokenomics.rewards;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import net.nym.tokenomics.eventlog.testing.ServiceSmokeTest;
import net.nym.tokenomics.eventlog.testing.TestJwt;
import net.nym.tokenomics.rewards.app.InputTopics;

@QuarkusTest
@QuarkusTestResource(TestJwt.class)
@QuarkusTestResource(InputTopics.class)
class SmokeTest extends ServiceSmokeTest {
}
