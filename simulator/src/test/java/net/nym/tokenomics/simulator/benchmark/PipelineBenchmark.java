package net.nym.tokenomics.simulator.benchmark;

import net.nym.tokenomics.eventlog.testing.LocalInfra;
import net.nym.tokenomics.simulator.Simulator;
import net.nym.tokenomics.simulator.api.Api;
import net.nym.tokenomics.simulator.api.Routes;
import net.nym.tokenomics.simulator.identity.Ed25519Identity;
import net.nym.tokenomics.simulator.system.ServiceProcesses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The epoch pipeline at scale, on the four packaged services as processes (own schemas and topics, as the end-to-end
 * test runs them, so nothing else running is disturbed): builds a network, runs epochs with the simulator, then prints
 * {@link PipelineLatency} for the run, then rebuilds each service's log from its topic into a fresh schema and prints
 * the time (RebuildFromKafka prints the events and the rate). Defaults: 1,000 nodes, 33,334 delegators × 3 = 100,002 delegations sent 8 at a
 * time, 6 epochs, the services with 1 GiB heaps.
 *
 * <pre>mvn -B -pl simulator test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -De2e.xmx=1g -cp simulator/target/test-classes:simulator/target/classes:$(cat simulator/target/classpath.txt) \
 *     net.nym.tokenomics.simulator.benchmark.PipelineBenchmark [nodes=1000] [delegators=33334] [epochs=6]</pre>
 * Run from the repository root after {@code mvn package -DskipTests} (it starts each service's packaged quarkus-app).
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>(Map.of("nodes", "1000", "delegators", "33334", "epochs", "6", "parallel", "8",
                "tickets", "2", "seed", "11"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        Path keys = Files.createTempDirectory("pipeline-bench-keys");
        var kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        var pair = kpg.generateKeyPair();
        Files.writeString(keys.resolve("jwt-private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(keys.resolve("jwt-public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        Files.writeString(keys.resolve("monitor.seed"), HexFormat.of().formatHex(seed));
        String monitor = new Ed25519Identity(seed).publicKeyBase58();
        if (System.getProperty("e2e.xmx") == null) {
            System.setProperty("e2e.xmx", "1g");
        }
        Map<String, String> cfg = Simulator.defaults();
        cfg.putAll(a);
        cfg.put("keys", keys.toString());
        cfg.put("csv", keys.resolve("run.csv").toString());
        cfg.put("genesis", keys.resolve("genesis.json").toString());
        // the network's accounts funded at genesis, as the demo does
        Path genesis = Simulator.genesis(cfg).write(Path.of(cfg.get("genesis")));
        Map<String, Map<String, String>> props = Map.of(
                "*", Map.of("mp.jwt.verify.publickey.location", keys.resolve("jwt-public.pem").toUri().toString(),
                        "mp.jwt.verify.issuer", "nym-tokenomics"),
                "performance", Map.of("performance.submission.allowed-signers", monitor),
                "selection", Map.of("selection.clock.mode", "MANUAL"),
                "rewards", Map.of("rewards.genesis.file", genesis.toString()));
        try (ServiceProcesses system = new ServiceProcesses(Path.of("").toAbsolutePath(), 18581, props)) {
            system.startAll();
            Map<String, String> bases = new TreeMap<>();
            for (String svc : ServiceProcesses.SERVICES) {
                bases.put(svc, system.baseUrl(svc));
            }
            new Simulator(cfg, new Api(new Routes(bases))).run();
            System.out.println("run " + system.run() + ": services' logs in simulator/target/e2e-" + system.run());
            PipelineLatency.report(LocalInfra.kafkaConfig(), system.topic("selection"), 1);
            // Rebuild each service's log from its topic into a fresh schema: the replay rate on real history.
            long epochs = Long.parseLong(a.get("epochs"));
            for (String svc : ServiceProcesses.SERVICES) {
                String db = svc.replace('-', '_') + "_test";
                String schema = "bench_rebuild_" + system.run();
                long started = System.nanoTime();
                net.nym.tokenomics.eventlog.replay.RebuildFromKafka.main(new String[] {"--jdbc-url",
                        LocalInfra.jdbcUrl(db), "--schema", schema,
                        "--bootstrap", LocalInfra.bootstrapServers(), "--topic", system.topic(svc), "--relay-name", svc + "-rebuild"});
                long ms = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("%s: %d epochs of history rebuilt from Kafka in %d ms (%.1f s per 1,000 epochs, including "
                        + "migration and connection)%n", svc, epochs, ms, ms * 1000.0 / epochs / 1000.0);
            }
        }
    }
}
