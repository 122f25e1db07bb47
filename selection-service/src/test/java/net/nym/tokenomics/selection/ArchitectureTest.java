package net.nym.tokenomics.selection;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the domain pure: no frameworks, no I/O, no clock, no ambient randomness. */
class ArchitectureTest {

    private static final String DOMAIN = "net.nym.tokenomics.selection.domain..";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("net.nym.tokenomics.selection");

    @Test
    void domainDependsOnNoFrameworkOrIo() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..",
                        "org.apache.kafka..", "io.vertx..", "java.sql..", "java.net..", "io.smallrye..",
                        "org.hibernate..", "com.fasterxml..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .check(CLASSES);
    }

    @Test
    void domainReadsNoClockAndDrawsNoAmbientRandomness() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .orShould().callMethod(Math.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.security.SecureRandom.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(CLASSES);
    }

    /** The selection key must be identical on every JVM: StrictMath, never Math.log / Math.pow. */
    @Test
    void domainUsesStrictMathForTranscendentals() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().callMethod(Math.class, "log", double.class)
                .orShould().callMethod(Math.class, "pow", double.class, double.class)
                .orShould().callMethod(Math.class, "exp", double.class)
                .check(CLASSES);
    }
}
