package net.nym.tokenomics.performance.domain.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemverTest {

    @ParameterizedTest
    @CsvSource({
            "1.2.3, 1, 2, 3, '', ''",
            "0.0.0, 0, 0, 0, '', ''",
            "1.3.1-importantpre, 1, 3, 1, importantpre, ''",
            "1.0.0-alpha.1, 1, 0, 0, alpha.1, ''",
            "1.0.0-0.3.7, 1, 0, 0, 0.3.7, ''",
            "1.0.0-x-y-z.--, 1, 0, 0, x-y-z.--, ''",
            "1.0.0+20130313144700, 1, 0, 0, '', 20130313144700",
            "1.0.0-beta+exp.sha.5114f85, 1, 0, 0, beta, exp.sha.5114f85",
            "1.0.0+001, 1, 0, 0, '', 001",
            "18446744.9223372036854775807.0, 18446744, 9223372036854775807, 0, '', ''"
    })
    void parsesValidVersions(String text, long major, long minor, long patch, String pre, String build) {
        Semver v = Semver.parse(text);
        assertThat(v).isEqualTo(new Semver(major, minor, patch, pre, build));
        assertThat(v.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "v1.2.3", " 1.2.3", "1.2.3 ", "01.2.3", "1.02.3", "1.2.03",
            "1.2.3-", "1.2.3+", "1.2.3-01", "1.2.3-a..b", "1.2.3-a_b", "1.2.x", "-1.2.3", "1.2.3-é",
            "1.2.99999999999999999999", "latest", "1.2.3+a+b"})
    void rejectsInvalidVersionsWithATypedError(String text) {
        assertThatThrownBy(() -> Semver.parse(text)).isInstanceOf(InvalidSemverException.class)
                .satisfies(e -> assertThat(((InvalidSemverException) e).reason()).isNotBlank());
        assertThat(Semver.tryParse(text)).isEmpty();
    }

    @Test
    void semverSpecPrecedenceExample() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0");
        List<Semver> shuffled = new ArrayList<>(ordered.stream().map(Semver::parse).toList());
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).extracting(Semver::toString).containsExactlyElementsOf(ordered);
    }

    @ParameterizedTest
    @CsvSource({
            "1.3.1-importantpre, 1.3.1, -1",
            "1.3.1, 1.3.1-importantpre, 1",
            "1.3.0, 1.3.1-importantpre, -1",
            "1.2.3, 1.2.3+build, 0",
            "1.0.0-2, 1.0.0-10, -1",
            "1.0.0-a, 1.0.0-1, 1"
    })
    void ordersPrereleaseBeforeItsRelease(String a, String b, int sign) {
        assertThat(Integer.signum(Semver.parse(a).compareTo(Semver.parse(b)))).isEqualTo(sign);
    }
}
