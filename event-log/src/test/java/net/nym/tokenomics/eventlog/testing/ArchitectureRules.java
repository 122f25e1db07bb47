package net.nym.tokenomics.eventlog.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every service is held to, in one place (each service's {@code ArchitectureTest} applies
 * them to its own base package). Every rule is built with {@code allowEmptyShould(false)}: a rule whose subject
 * matches no class fails instead of passing vacuously (a class-file version the importer cannot read, a renamed
 * package).
 * <ol>
 *   <li>The domain ({@code <base>.domain..}) depends only on the JDK's language, collection, math and time types
 *       and on event-log's pure packages (decimals, the rejection model, the integration contracts, base58, ed25519,
 *       state digests).</li>
 *   <li>The domain uses no framework and does no I/O.</li>
 *   <li>The domain reads no clock and draws no ambient randomness: time and seeds come with the command.</li>
 *   <li>SQL (statements, result sets, drivers) only in {@code <base>.persistence..} and event-log; other layers may
 *       only pass a transaction's {@code Connection} on and let {@code SQLException} through.</li>
 *   <li>No source outside event-log names the {@code event_log} table: {@code EventStore} is its only reader and
 *       writer (a service's own migrations may index it); {@code SnapshotStore} alone uses the {@code snapshot}
 *       table.</li>
 * </ol>
 */
public final class ArchitectureRules {

    private static final String EVENTLOG = "net.nym.tokenomics.eventlog";

    private final String base;
    private final JavaClasses classes;

    private ArchitectureRules(String base) {
        this.base = base;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
    }

    /** The rules for the service whose classes live under {@code basePackage} (its main classes only). */
    public static ArchitectureRules forService(String basePackage) {
        return new ArchitectureRules(basePackage);
    }

    public JavaClasses imported() {
        return classes;
    }

    private String domain() {
        return base + ".domain..";
    }

    public ArchRule domainDependsOnlyOnTheJdkAndPureEventLogTypes() {
        return classes().that().resideInAPackage(domain())
                .should().onlyDependOnClassesThat().resideInAnyPackage(domain(), "java.lang..", "java.util..", "java.math..",
                        "java.time..", "java.nio.charset..", "java.security..", EVENTLOG + ".decimal..", EVENTLOG + ".api..",
                        EVENTLOG + ".contracts..", EVENTLOG + ".encoding..", EVENTLOG + ".signing..", EVENTLOG + ".digest..")
                .allowEmptyShould(false);
    }

    public ArchRule domainUsesNoFrameworkAndDoesNoIo() {
        return noClasses().that().resideInAPackage(domain())
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "javax..", "org.apache.kafka..",
                        "io.vertx..", "io.smallrye..", "org.hibernate..", "java.sql..", "java.net..", "java.nio.file..",
                        "java.io..", "com.fasterxml..", EVENTLOG + ".store..", EVENTLOG + ".relay..", EVENTLOG + ".inbox..",
                        EVENTLOG + ".quarkus..", EVENTLOG + ".rest..", EVENTLOG + ".command..")
                .allowEmptyShould(false);
    }

    public ArchRule domainReadsNoClockAndDrawsNoAmbientRandomness() {
        return noClasses().that().resideInAPackage(domain())
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
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .allowEmptyShould(false);
    }

    public ArchRule sqlOnlyInPersistence() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(base + ".persistence..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are java.sql types other than Connection and SQLException",
                        (JavaClass c) -> c.getPackageName().equals("java.sql")
                                && !c.getName().equals("java.sql.Connection") && !c.getName().equals("java.sql.SQLException")))
                .allowEmptyShould(false);
    }

    /** Every rule of this class, for a service test to check in one go. */
    public List<ArchRule> all() {
        return List.of(domainDependsOnlyOnTheJdkAndPureEventLogTypes(), domainUsesNoFrameworkAndDoesNoIo(),
                domainReadsNoClockAndDrawsNoAmbientRandomness(), sqlOnlyInPersistence());
    }

    public void checkAll() {
        for (ArchRule rule : all()) {
            rule.check(classes);
        }
    }

    /**
     * Source files of a module ({@code src/main/java} under {@code moduleDir}) that name the {@code event_log} table;
     * empty when {@code EventStore} is its only user.
     */
    public static List<Path> sourcesNamingTheEventLogTable(Path moduleDir) {
        return sourcesMatching(moduleDir, "(?s).*\\bevent_log\\b.*");
    }

    /**
     * Source files of a module that use the {@code snapshot} table in SQL ({@code FROM}, {@code INTO}, {@code UPDATE},
     * {@code JOIN} or {@code TABLE snapshot}: the word alone is too common); empty when {@code SnapshotStore} is its
     * only user.
     */
    public static List<Path> sourcesNamingTheSnapshotTable(Path moduleDir) {
        return sourcesMatching(moduleDir, "(?is).*\\b(from|into|update|join|table)\\s+snapshot\\b.*");
    }

    private static List<Path> sourcesMatching(Path moduleDir, String regex) {
        Path src = moduleDir.resolve("src/main/java");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(f).matches(regex)) {
                    out.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
