package net.nym.tokenomics.performance;

import net.nym.tokenomics.performance.domain.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain is pure: no framework, I/O, clock or randomness (DESIGN §4, STYLE "Layout").
 *
 * <p>Reads the compiled domain classes' constant pools with the JDK's {@code java.lang.classfile} API rather than
 * ArchUnit: the managed ArchUnit 1.3.0 cannot parse Java 25 class files (major version 69) and would check nothing.
 * Every class and member the bytecode references is in the constant pool, so these checks see all of them.
 */
class ArchitectureTest {

    private static final String DOMAIN = "net/nym/tokenomics/performance/domain/";
    private static final List<String> FORBIDDEN_PACKAGES = List.of("io/quarkus/", "jakarta/", "javax/",
            "org/apache/kafka/", "io/vertx/", "java/sql/", "java/net/", "java/nio/file/", "io/smallrye/",
            "org/hibernate/", "com/fasterxml/", "org/eclipse/microprofile/");
    private static final List<String> FORBIDDEN_CLASSES = List.of("java/io/File", "java/io/FileInputStream",
            "java/io/FileOutputStream", "java/util/Random", "java/security/SecureRandom", "java/time/Clock",
            "java/util/concurrent/ThreadLocalRandom");
    private static final List<String> FORBIDDEN_CALLS = List.of("java/time/Instant.now", "java/time/LocalDateTime.now",
            "java/time/OffsetDateTime.now", "java/time/ZonedDateTime.now", "java/lang/System.currentTimeMillis",
            "java/lang/System.nanoTime", "java/lang/System.getenv", "java/lang/System.getProperty",
            "java/util/UUID.randomUUID", "java/lang/Math.random", "java/lang/StrictMath.random");

    record Reference(String fromClass, String target) {
    }

    private static final List<Reference> classRefs = new ArrayList<>();
    private static final List<Reference> calls = new ArrayList<>();
    private static int domainClassCount;

    @BeforeAll
    static void readDomainClasses() throws IOException, URISyntaxException {
        Path root = Path.of(Decision.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve(DOMAIN))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                String self = model.thisClass().asInternalName();
                domainClassCount++;
                for (PoolEntry entry : model.constantPool()) {
                    if (entry instanceof ClassEntry c) {
                        classRefs.add(new Reference(self, c.asInternalName()));
                    } else if (entry instanceof MemberRefEntry m) {
                        calls.add(new Reference(self, m.owner().asInternalName() + "." + m.name().stringValue()));
                    }
                }
            }
        }
    }

    @Test
    void theDomainWasActuallyRead() {
        assertThat(domainClassCount).isGreaterThan(30);
        assertThat(classRefs).extracting(Reference::target).contains("java/time/Instant");
    }

    @Test
    void domainHasNoFrameworkOrIoDependencies() {
        assertThat(classRefs).filteredOn(r -> FORBIDDEN_PACKAGES.stream().anyMatch(p -> strip(r.target()).startsWith(p)))
                .isEmpty();
    }

    @Test
    void domainDoesNotTouchTheFileSystemClockOrRandomness() {
        assertThat(classRefs).filteredOn(r -> FORBIDDEN_CLASSES.contains(strip(r.target()))).isEmpty();
        assertThat(calls).filteredOn(r -> FORBIDDEN_CALLS.contains(r.target())).isEmpty();
    }

    @Test
    void domainDependsOnlyOnTheJdkAndEventLogTypes() {
        TreeSet<String> outside = new TreeSet<>();
        for (Reference r : classRefs) {
            String t = strip(r.target());
            if (!t.startsWith(DOMAIN) && !t.startsWith("java/") && !t.startsWith("net/nym/tokenomics/eventlog/")) {
                outside.add(r.fromClass() + " -> " + t);
            }
        }
        assertThat(outside).isEmpty();
    }

    /** Array class entries look like {@code [Ljava/lang/String;} or {@code [J}; compare on the element type. */
    private static String strip(String internalName) {
        String s = internalName;
        while (s.startsWith("[")) {
            s = s.substring(1);
        }
        if (s.startsWith("L") && s.endsWith(";")) {
            return s.substring(1, s.length() - 1);
        }
        // What is left of an array of primitives ("[J" -> "J") is a JDK type.
        return s.length() == 1 ? "java/primitive/" + s : s;
    }
}
