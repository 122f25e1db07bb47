package net.nym.tokenomics.selection.application;

import net.nym.tokenomics.selection.domain.clock.ClockConfig;
import net.nym.tokenomics.selection.domain.clock.ClockMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ClockAgreementTest {

    private static final ClockConfig LOGGED = new ClockConfig(Duration.ofHours(1), 720, ClockMode.REAL);

    @ParameterizedTest(name = "{0}, {1} epochs, {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            PT1H  | 720 | REAL        |
            PT1H  | 720 | MANUAL      |
            PT1H  | 720 | ACCELERATED |
            PT1H  | 20  | REAL        | network.epochs-in-interval (selection.clock.epochs-in-interval) is 20 but the log's clock has 720. The log is the truth
            PT30S | 720 | ACCELERATED | selection.clock.epoch-length is PT30S but the log's clock has PT1H. The log is the truth
            PT30S | 20  | REAL        | is 20 but the log's clock has 720; selection.clock.epoch-length is PT30S but the log's clock has PT1H.
            """)
    void onlyTheShapeMustAgree(Duration length, int epochs, ClockMode mode, String expected) {
        var why = ClockAgreement.disagreement(LOGGED, new ClockConfig(length, epochs, mode));
        if (expected == null) {
            assertThat(why).isEmpty();
        } else {
            assertThat(why).hasValueSatisfying(w -> assertThat(w).contains(expected)
                    .endsWith("start on an empty database to begin a new network."));
        }
    }
}
