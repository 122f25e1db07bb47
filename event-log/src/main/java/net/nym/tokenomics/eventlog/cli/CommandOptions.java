package net.nym.tokenomics.eventlog.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The options of the project's small command-line tools ({@code --name value} pairs, and flags without a value) and
 * the Kafka client settings they share: {@code --kafka-config FILE} (a properties file: TLS, SASL … for a real
 * cluster) and {@code --bootstrap HOST:PORT}, which wins over the file's {@code bootstrap.servers}.
 */
public record CommandOptions(Map<String, String> values, Set<String> flags) {

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    /** Parses {@code args}; {@code knownFlags} are the options that take no value. */
    public static CommandOptions parse(String[] args, Set<String> knownFlags) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (knownFlags.contains(name)) {
                flags.add(name);
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return new CommandOptions(Map.copyOf(values), Set.copyOf(flags));
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return values.containsKey(name) || flags.contains(name);
    }

    /** Kafka client settings: the {@code --kafka-config} file's properties, then {@code bootstrap.servers}. */
    public Map<String, Object> kafkaConfig() {
        Map<String, Object> kafka = new HashMap<>();
        if (values.containsKey("kafka-config")) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(values.get("kafka-config")))) {
                p.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --kafka-config " + values.get("kafka-config") + ": " + e.getMessage(), e);
            }
            p.forEach((k, v) -> kafka.put((String) k, v));
        }
        kafka.put("bootstrap.servers", values.getOrDefault("bootstrap",
                String.valueOf(kafka.getOrDefault("bootstrap.servers", DEFAULT_BOOTSTRAP))));
        return kafka;
    }
}
