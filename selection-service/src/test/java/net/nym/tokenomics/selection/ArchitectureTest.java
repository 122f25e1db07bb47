package net.nym.tokenomics.selection;

import net.nym.tokenomics.eventlog.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture rules every service is held to (event-log's {@link ArchitectureRules}: a pure domain, SQL only in
 * persistence, no source naming the {@code event_log} table), and one of selection's own: StrictMath in the draw.
 */
class ArchitectureTest {

    private static final ArchitectureRules RULES = ArchitectureRules.forService("net.nym.tokenomics.selection");

    @Test
    void sharedRules() {
        RULES.checkAll();
    }

    @Test
    void onlyEventStoreTouchesTheEventLogTable() {
        assertThat(ArchitectureRules.sourcesNamingTheEventLogTable(Path.of(""))).isEmpty();
    }

    @Test
    void onlySnapshotStoreTouchesTheSnapshotTable() {
        assertThat(ArchitectureRules.sourcesNamingTheSnapshotTable(Path.of(""))).isEmpty();
    }

    /**
     * The selection key must be identical on every JVM: StrictMath, never Math.log / Math.pow / Math.exp; and no
     * Math.random (the shared rules name the other sources of ambient randomness).
     */
    @Test
    void domainUsesStrictMathForTranscendentalsAndNoMathRandom() {
        noClasses().that().resideInAPackage("net.nym.tokenomics.selection.domain..")
                .should().callMethod(Math.class, "log", double.class)
                .orShould().callMethod(Math.class, "pow", double.class, double.class)
                .orShould().callMethod(Math.class, "exp", double.class)
                .orShould().callMethod(Math.class, "random")
                .allowEmptyShould(false)
                .check(RULES.imported());
    }
}
