package net.nym.tokenomics.eventlog.benchmark;

import net.nym.tokenomics.eventlog.decimal.Decimal;
import net.nym.tokenomics.eventlog.relay.OutboxRelay;
import net.nym.tokenomics.eventlog.replay.KafkaLogImporter;
import net.nym.tokenomics.eventlog.store.EventCodec;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.NewEvent;
import net.nym.tokenomics.eventlog.store.Transactions;
import net.nym.tokenomics.eventlog.testing.Deposited;
import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.eventlog.testing.Relays;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Not a test: prints the event log's throughput on this machine — append, relay to Kafka, and rebuild from Kafka into an
 * empty database, with the rebuild's time per stage (Kafka fetch, merge, decode, insert); the rebuild runs twice, the
 * second time in a warm JVM (the steady rate, which decides for a long history). Needs
 * deploy/local/start-infra.sh. Argument: number of events (default 200000). Run (see event-log/README.md):
 * <pre>
 * cd /work/main &amp;&amp; mvn -B -o -ntp -q -pl event-log test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd event-log &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) net.nym.tokenomics.eventlog.benchmark.LogThroughputBenchmark 200000
 * </pre>
 */
public final class LogThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int perTransaction = 1000;
        EventCodec codec = new EventCodec().register(Deposited.TYPE, 1, Deposited.class);
        EventStore store = new EventStore();
        DataSource live = LocalInfra.freshSchema("bench");
        String topic = LocalInfra.freshTopic("bench", 3);

        long t0 = System.nanoTime();
        for (int i = 0; i < events; i += perTransaction) {
            int first = i;
            Transactions.inTransaction(live, c -> {
                List<NewEvent> batch = new ArrayList<>(perTransaction);
                for (int k = first; k < Math.min(first + perTransaction, events); k++) {
                    batch.add(codec.encode(UUID.randomUUID(), new Deposited("node-" + (k % 10_000), Decimal.parse("1128452.541610435897435896"))));
                }
                return store.append(c, "epoch-" + first, 0, batch);
            });
        }
        double appendS = (System.nanoTime() - t0) / 1e9;
        System.out.printf("append:  %,d events in %.2f s = %,.0f events/s (transactions of %d)%n", events, appendS, events / appendS, perTransaction);

        long t1 = System.nanoTime();
        try (OutboxRelay relay = new OutboxRelay(live, LocalInfra.kafkaConfig(), new OutboxRelay.Config("bench", topic, 5000, Duration.ofMillis(5)))) {
            Relays.publishAll(relay, events, Duration.ofMinutes(10));
        }
        double relayS = (System.nanoTime() - t1) / 1e9;
        System.out.printf("relay:   %,d events to Kafka in %.2f s = %,.0f events/s (batches of 5000, acks=all, idempotent)%n", events, relayS, events / relayS);

        DataSource empty = LocalInfra.freshSchema("benchimport");
        KafkaLogImporter.Result r = new KafkaLogImporter().importTopic(empty, LocalInfra.kafkaConfig(), topic, "bench");
        double importS = r.took().toMillis() / 1000.0;
        System.out.printf("rebuild: %,d events from Kafka into an empty database in %.2f s = %,.0f events/s%n", r.events(), importS, r.events() / importS);
        System.out.println("rebuild stages: " + r.stages());
        // The first import also pays for loading and compiling the import path; a real history is long enough that the
        // steady rate decides, so the same topic is imported once more into another empty schema.
        KafkaLogImporter.Result again = new KafkaLogImporter().importTopic(LocalInfra.freshSchema("benchimport"), LocalInfra.kafkaConfig(), topic, "bench");
        double againS = again.took().toMillis() / 1000.0;
        System.out.printf("rebuild again (warm JVM): %,d events in %.2f s = %,.0f events/s%n", again.events(), againS, again.events() / againS);
        System.out.println("rebuild again stages: " + again.stages());
        System.exit(0);
    }

    private LogThroughputBenchmark() {
    }
}
