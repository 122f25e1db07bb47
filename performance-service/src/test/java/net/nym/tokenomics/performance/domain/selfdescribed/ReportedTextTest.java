package net.nym.tokenomics.performance.domain.selfdescribed;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ReportedTextTest {

    static Stream<org.junit.jupiter.params.provider.Arguments> cases() {
        return Stream.of(
                arguments("1.2.0", 128, "1.2.0"),
                arguments(null, 128, ""),
                arguments("", 128, ""),
                arguments("1.2.0\u0000", 128, "1.2.0\uFFFD"),
                arguments("1.2.\u00000", 128, "1.2.\uFFFD0"),
                arguments("1.2.0\n\r\t\u007f\u0085", 128, "1.2.0\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"),
                arguments("1.2.0\u202e\u200b", 128, "1.2.0\uFFFD\uFFFD"),
                arguments("1.2.0\ud800", 128, "1.2.0\uFFFD"),
                arguments("1.2.0\udc00x", 128, "1.2.0\uFFFDx"),
                arguments("nym-node \uD83D\uDE80", 128, "nym-node \uD83D\uDE80"),
                arguments("abcde", 5, "abcde"),
                arguments("abcdef", 5, "abcd\u2026"),
                arguments("a".repeat(1_000_000), 128, "a".repeat(127) + "\u2026"),
                arguments("\uD83D\uDE80".repeat(10), 3, "\uD83D\uDE80\uD83D\uDE80\u2026"),
                arguments("x", 1, "x"),
                arguments("xy", 1, "\u2026"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void sanitizes(String in, int max, String expected) {
        assertThat(ReportedText.sanitize(in, max)).isEqualTo(expected);
        assertThat(ReportedText.sanitize(in, max).codePointCount(0, expected.length())).isLessThanOrEqualTo(max);
    }
}
