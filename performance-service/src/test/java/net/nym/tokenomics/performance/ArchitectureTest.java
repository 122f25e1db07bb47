package net.nym.tokenomics.performance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import net.nym.tokenomics.eventlog.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules every service is held to (event-log's {@link ArchitectureRules}: a pure domain, SQL only in persistence,
 * no other code on the {@code event_log} table), and performance's own: its scores must not depend on the machine, so
 * the domain also reads no environment or system property and draws no random number of any kind.
 */
class ArchitectureTest {

    private static final String BASE = "net.nym.tokenomics.performance";
    private static final ArchitectureRules RULES = ArchitectureRules.forService(BASE);

    @Test
    void theSharedRulesHold() {
        RULES.checkAll();
    }

    @Test
    void noSourceNamesTheEventLogTable() {
        assertThat(ArchitectureRules.sourcesNamingTheEventLogTable(Path.of(""))).isEmpty();
    }

    @Test
    void theDomainWasActuallyRead() {
        JavaClasses imported = RULES.imported();
        assertThat(imported.stream().filter(c -> c.getPackageName().startsWith(BASE + ".domain")).count())
                .isGreaterThan(30);
    }

    @Test
    void theDomainReadsNoEnvironmentAndDrawsNoRandomNumber() {
        ArchRule rule = noClasses().that().resideInAPackage(BASE + ".domain..")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
                .allowEmptyShould(false);
        rule.check(RULES.imported());
    }
}
