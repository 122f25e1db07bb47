package net.nym.tokenomics.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Command line of the audit: reads the four services' Kafka topics from the beginning (nothing else: no database, no
 * service) and recomputes every epoch's rewarded set and rewards. Prints {@code AUDIT PASSED …} and exits 0, or
 * {@code AUDIT FAILED} with the first mismatch and exits 1; exits 2 when the topics cannot be read.
 *
 * <pre>
 * java -jar audit/target/audit-0.1.0-SNAPSHOT.jar [--bootstrap 127.0.0.1:9092] [--kafka-config client.properties]
 *     [--topic-prefix PREFIX] [--all]
 * </pre>
 * {@code --all} prints every finding, not only the first.
 */
public final class AuditLog {

    private AuditLog() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        boolean all = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--all")) {
                all = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                a.put(args[i].substring(2), args[++i]);
            } else {
                System.err.println("usage: AuditLog [--bootstrap HOST:PORT] [--kafka-config client.properties] "
                        + "[--topic-prefix PREFIX] [--all]");
                System.exit(2);
            }
        }
        Map<String, Object> kafka = new HashMap<>();
        if (a.containsKey("kafka-config")) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(a.get("kafka-config")))) {
                p.load(in);
            } catch (IOException e) {
                System.err.println("cannot read --kafka-config " + a.get("kafka-config") + ": " + e.getMessage());
                System.exit(2);
            }
            p.forEach((k, v) -> kafka.put((String) k, v));
        }
        kafka.put("bootstrap.servers", a.getOrDefault("bootstrap", String.valueOf(kafka.getOrDefault("bootstrap.servers", "127.0.0.1:9092"))));
        Audit.Report report;
        try {
            report = Audit.run(kafka, Audit.Topics.withPrefix(a.getOrDefault("topic-prefix", "")), m -> System.out.println("[audit] " + m));
        } catch (RuntimeException e) {
            System.err.println("AUDIT ERROR: cannot read the topics: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(verdict(report));
        if (all) {
            report.findings().forEach(f -> System.out.println("  " + f));
        }
        System.exit(report.passed() ? 0 : 1);
    }

    /** The one-line verdict. */
    public static String verdict(Audit.Report r) {
        if (r.passed()) {
            return String.format("AUDIT PASSED: %d rewarded sets and %d epochs of rewards recomputed from %,d events; "
                            + "every digest matches (last rewarded epoch %d, state digest %s)", r.selectionsRecomputed(),
                    r.rewardsRecomputed(), r.eventsRead().values().stream().mapToInt(Integer::intValue).sum(),
                    r.lastRewardedEpoch(), r.lastStateDigest());
        }
        return "AUDIT FAILED: first mismatch: " + r.firstMismatch().orElseThrow() + " (" + r.findings().size()
                + " finding" + (r.findings().size() == 1 ? "" : "s") + " in all)";
    }
}
