package net.nym.tokenomics.eventlog.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared rules cannot pass vacuously, and the event_log scan finds what it should. */
class ArchitectureRulesTest {

    @Test
    void aRuleThatMatchesNoClassFails() {
        ArchitectureRules rules = ArchitectureRules.forService("net.nym.tokenomics.nosuchservice");
        assertThat(rules.all()).isNotEmpty();
        for (var rule : rules.all()) {
            assertThatThrownBy(() -> rule.check(rules.imported())).as(rule.getDescription()).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void theTableScanFindsASourceThatNamesEventLog(@org.junit.jupiter.api.io.TempDir Path module) throws Exception {
        Path src = Files.createDirectories(module.resolve("src/main/java/x"));
        Files.writeString(src.resolve("Clean.java"), "class Clean { String s = \"event_logger\"; }");
        assertThat(ArchitectureRules.sourcesNamingTheEventLogTable(module)).isEmpty();
        Files.writeString(src.resolve("Sneaky.java"), "class Sneaky { String q = \"SELECT * FROM event_log\"; }");
        assertThat(ArchitectureRules.sourcesNamingTheEventLogTable(module)).containsExactly(src.resolve("Sneaky.java"));
    }

    @Test
    void theTableScanFindsASourceThatUsesTheSnapshotTable(@org.junit.jupiter.api.io.TempDir Path module) throws Exception {
        Path src = Files.createDirectories(module.resolve("src/main/java/x"));
        Files.writeString(src.resolve("Clean.java"), "class Clean { String s = \"a stake snapshot from the contract\"; }");
        assertThat(ArchitectureRules.sourcesNamingTheSnapshotTable(module)).isEmpty();
        Files.writeString(src.resolve("Sneaky.java"), "class Sneaky { String q = \"DELETE FROM snapshot\"; }");
        assertThat(ArchitectureRules.sourcesNamingTheSnapshotTable(module)).containsExactly(src.resolve("Sneaky.java"));
    }

    @Test
    void onlySnapshotStoreUsesTheSnapshotTable() {
        assertThat(ArchitectureRules.sourcesNamingTheSnapshotTable(Path.of(""))).singleElement().asString()
                .endsWith("/eventlog/store/SnapshotStore.java");
    }

    @Test
    void eventLogsOwnSourcesAreWhereTheTableIsNamed() {
        assertThat(ArchitectureRules.sourcesNamingTheEventLogTable(Path.of(""))).isNotEmpty()
                .allMatch(p -> p.toString().contains("/eventlog/"));
    }
}
