package net.nym.tokenomics.ticketledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the domain pure: no frameworks, no I/O, no clock, no randomness. */
class ArchitectureTest {

    private static final String DOMAIN = "net.nym.tokenomics.ticketledger.domain..";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("net.nym.tokenomics.ticketledger");
    }

    /** ArchUnit skips class files it cannot parse, which would make every rule below vacuous. */
    @Test
    void theDomainWasImported() {
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("net.nym.tokenomics.ticketledger.domain")))
                .as("ArchUnit imported no domain classes: Java 25 class files need archunit.version >= 1.4.1")
                .hasSizeGreaterThan(20);
    }

    @Test
    void domainDependsOnlyOnTheJdkAndEventLog() {
        ArchRule rule = classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "net.nym.tokenomics.eventlog..", DOMAIN);
        rule.check(classes);
    }

    @Test
    void domainUsesNoFrameworkOrIo() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.apache.kafka..",
                        "io.vertx..", "java.sql..", "java.net..", "java.nio.file..", "net.nym.tokenomics.ticketledger.signing..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .check(classes);
    }

    @Test
    void domainReadsNoClockAndDrawsNoRandomness() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(UUID.class, "randomUUID")
                .orShould().callMethod(Math.class, "random")
                .orShould().callConstructor(Random.class)
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .check(classes);
    }
}
