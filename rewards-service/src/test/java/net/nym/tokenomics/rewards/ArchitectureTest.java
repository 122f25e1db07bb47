package net.nym.tokenomics.rewards;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the domain pure: it may use only the JDK's language and collection types and the event-log decimals, and
 * it may not read a clock, draw randomness or make ids.
 */
class ArchitectureTest {

    private static final String DOMAIN = "net.nym.tokenomics.rewards.domain..";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("net.nym.tokenomics.rewards");

    @Test
    void theDomainIsImportedAtAll() {
        // Guards against a vacuous pass: a class file version the importer cannot read would leave nothing to check.
        assertThat(CLASSES.stream().filter(c -> c.getPackageName().startsWith("net.nym.tokenomics.rewards.domain")).count())
                .isGreaterThan(20);
    }

    @Test
    void domainDependsOnlyOnTheJdkAndEventLogDecimals() {
        ArchRule rule = classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        DOMAIN, "java.lang..", "java.util..", "java.math..", "java.time..", "net.nym.tokenomics.eventlog.decimal..");
        rule.check(CLASSES);
    }

    @Test
    void domainDoesNotDependOnFrameworksOrIo() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta..", "org.apache.kafka..", "io.vertx..", "java.sql..", "java.io..", "java.net..",
                        "java.nio..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void domainReadsNoClockAndDrawsNoRandomness() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().callConstructor(Random.class)
                .orShould().callConstructor(Random.class, long.class)
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .check(CLASSES);
    }
}
