package net.nym.tokenomics.ticketledger;

import net.nym.tokenomics.eventlog.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared rules (domain pure, no clock or ambient randomness, SQL only in persistence; none may match zero
 * classes), that no source but event-log's {@code EventStore} names the event log table, and what is particular to
 * this service: the domain does not verify signatures itself (the {@code signing} package does, before a command is
 * built) and draws no {@code Math.random}.
 */
class ArchitectureTest {

    private static final ArchitectureRules RULES = ArchitectureRules.forService("net.nym.tokenomics.ticketledger");

    @Test
    void theSharedRulesHold() {
        RULES.checkAll();
    }

    @Test
    void noSourceNamesTheEventLogTable() {
        assertThat(ArchitectureRules.sourcesNamingTheEventLogTable(Path.of(""))).isEmpty();
    }

    @Test
    void onlySnapshotStoreTouchesTheSnapshotTable() {
        assertThat(ArchitectureRules.sourcesNamingTheSnapshotTable(Path.of(""))).isEmpty();
    }

    @Test
    void theDomainUsesNeitherTheSigningPackageNorMathRandom() {
        noClasses().that().resideInAPackage("net.nym.tokenomics.ticketledger.domain..")
                .should().dependOnClassesThat().resideInAPackage("net.nym.tokenomics.ticketledger.signing..")
                .orShould().callMethod(Math.class, "random")
                .allowEmptyShould(false)
                .check(RULES.imported());
    }
}
