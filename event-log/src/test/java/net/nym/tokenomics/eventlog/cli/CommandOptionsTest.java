package net.nym.tokenomics.eventlog.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandOptionsTest {

    @TempDir
    Path dir;

    @Test
    void valuesAndFlags() {
        CommandOptions o = CommandOptions.parse(new String[] {"--topic-prefix", "e2e-1.", "--all", "--bootstrap", "h:1"}, Set.of("all"));
        assertThat(o.get("topic-prefix", "")).isEqualTo("e2e-1.");
        assertThat(o.has("all")).isTrue();
        assertThat(o.has("group-prefix")).isFalse();
        assertThat(o.get("group-prefix", "fallback")).isEqualTo("fallback");
        assertThat(o.kafkaConfig()).containsEntry("bootstrap.servers", "h:1").hasSize(1);
    }

    @Test
    void theKafkaConfigFileIsReadAndAnExplicitBootstrapWins() throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, "bootstrap.servers=cluster:9093\nsecurity.protocol=SSL\n");
        assertThat(CommandOptions.parse(new String[] {"--kafka-config", file.toString()}, Set.of()).kafkaConfig())
                .containsEntry("bootstrap.servers", "cluster:9093").containsEntry("security.protocol", "SSL");
        assertThat(CommandOptions.parse(new String[] {"--kafka-config", file.toString(), "--bootstrap", "other:1"}, Set.of())
                .kafkaConfig()).containsEntry("bootstrap.servers", "other:1").containsEntry("security.protocol", "SSL");
        assertThat(CommandOptions.parse(new String[] {}, Set.of()).kafkaConfig())
                .containsEntry("bootstrap.servers", CommandOptions.DEFAULT_BOOTSTRAP);
    }

    @Test
    void badCommandLinesAreClearErrors() {
        assertThatThrownBy(() -> CommandOptions.parse(new String[] {"--topic-prefix"}, Set.of()))
                .hasMessage("--topic-prefix needs a value");
        assertThatThrownBy(() -> CommandOptions.parse(new String[] {"stray"}, Set.of())).hasMessage("unexpected argument 'stray'");
        assertThatThrownBy(() -> CommandOptions.parse(new String[] {"--kafka-config", dir.resolve("none").toString()}, Set.of())
                .kafkaConfig()).hasMessageStartingWith("cannot read --kafka-config");
    }
}
