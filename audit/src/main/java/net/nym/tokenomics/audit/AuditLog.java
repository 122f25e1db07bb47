package net.nym.tokenomics.audit;

import net.nym.tokenomics.eventlog.cli.CommandOptions;

import java.util.Map;
import java.util.Set;

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
        CommandOptions o;
        Map<String, Object> kafka;
        try {
            o = CommandOptions.parse(args, Set.of("all"));
            kafka = o.kafkaConfig();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: AuditLog [--bootstrap HOST:PORT] [--kafka-config client.properties] "
                    + "[--topic-prefix PREFIX] [--all]");
            System.exit(2);
            return;
        }
        boolean all = o.has("all");
        Audit.Report report;
        try {
            report = Audit.run(kafka, Audit.Topics.withPrefix(o.get("topic-prefix", "")), m -> System.out.println("[audit] " + m));
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
