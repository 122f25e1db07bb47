package net.nym.tokenomics.simulator.benchmark.year;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures one PACKAGED service started on an existing (generated) schema: start-up to ready
 * ({@code /q/health/ready} UP), VmRSS after ready, heap after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}) and
 * the median/p95 of 20 calls of each given query path (after {@code --warmup} calls, default 5), with the service's CPU
 * time per call. A main class, not a test: it never runs in CI.
 *
 * <p>The service's topics are pointed at fresh topics {@code year_<schema>_<millis>.nym.<svc>.events}, so the relay does
 * not publish the year onto the shared topics; {@code --topic-prefix P} keeps them from run to run instead, so that a
 * second run starts with the relay caught up, as a restarted service does (the first run publishes the whole log).
 *
 * <p>The schema must exist in database {@code <svc>_test} (override with {@code --db}); on an empty schema Flyway
 * migrates it and the figures are an empty-log floor. The read models' reactive client and Hibernate's default schema
 * are pointed at the same schema (as {@code ServiceProcesses} does). {@code --prop k=v} (repeatable) passes any other
 * property, e.g. the ticket ledger's {@code mp.jwt.verify.publickey.location} (a PEM file, as {@code SystemRuns} gives).
 * {@code --jvm-arg A} (repeatable) passes a JVM option, e.g. {@code -XX:AOTCache=<quarkus-app>/app.aot} for the JDK 25
 * AOT cache (built with {@code -Dquarkus.package.jar.aot.enabled=true -DskipITs=false}, see docs/benchmarks.md).
 * Each query line gives the status and the body's size of the last call.
 *
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * mvn -B -ntp install -DskipTests
 * cd simulator &amp;&amp; mvn -B -ntp -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * $JAVA_HOME/bin/java -cp target/test-classes:$(cat /tmp/cp.txt) net.nym.tokenomics.simulator.benchmark.year.YearMeasure \
 *     --jar ../rewards-service/target/quarkus-app/quarkus-run.jar --service rewards --db rewards_test --schema year_rewards \
 *     --port 18181 --query "/v1/nodes/1/rewards?from_epoch=0&amp;to_epoch=8759&amp;per_page=1000" \
 *     --query "/v1/epochs?from_epoch=0&amp;to_epoch=8759&amp;per_page=720" [--prop k=v]
 * </pre>
 */
public final class YearMeasure {

    private static final List<String> SERVICES = List.of("performance", "selection", "rewards", "ticket-ledger");

    public static void main(String[] args) throws Exception {
        String jar = null, service = null, db = null, schema = null, xmx = "1g", topicPrefix = null;
        int port = 18181, calls = 20, warmup = 5;
        List<String> queries = new ArrayList<>();
        List<String> props = new ArrayList<>();
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--jar" -> jar = v;
                case "--service" -> service = v;
                case "--db" -> db = v;
                case "--schema" -> schema = v;
                case "--port" -> port = Integer.parseInt(v);
                case "--xmx" -> xmx = v;
                case "--calls" -> calls = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--query" -> queries.add(v);
                case "--prop" -> props.add(v);
                case "--jvm-arg" -> jvmArgs.add(v);
                case "--topic-prefix" -> topicPrefix = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (jar == null || service == null || schema == null) {
            throw new IllegalArgumentException("--jar, --service and --schema are required");
        }
        if (db == null) {
            db = service.replace('-', '_') + "_test";
        }
        if (topicPrefix == null) {
            topicPrefix = "year_" + schema + "_" + System.currentTimeMillis();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + xmx);
        cmd.addAll(jvmArgs);
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + db + "?currentSchema=" + schema);
        cmd.add("-Dquarkus.flyway.schemas=" + schema);
        cmd.add("-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + db);
        cmd.add("-Dquarkus.hibernate-orm.database.default-schema=" + schema);
        for (String t : SERVICES) {
            cmd.add("-Dtopics." + t + "=" + topicPrefix + ".nym." + t + ".events");
        }
        props.forEach(kv -> cmd.add("-D" + kv));
        cmd.add("-jar");
        cmd.add(jar);
        Path log = Files.createTempFile("year-measure-" + service, ".log");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long readyNanos = awaitReady(http, base, p, log);
            double startupS = (readyNanos - t0) / 1e9;
            long rssKb = vmRssKb(p.pid());
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            run(jcmd, String.valueOf(p.pid()), "GC.run");
            String heapInfo = run(jcmd, String.valueOf(p.pid()), "GC.heap_info");
            System.out.printf(Locale.ROOT, "service=%s schema=%s startup_to_ready_s=%.1f rss_mb=%.0f load=%s%n", service, schema,
                    startupS, rssKb / 1024.0, Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.println("heap after GC (jcmd GC.heap_info):");
            System.out.println(heapInfo.strip());
            for (String q : queries) {
                for (int i = 0; i < warmup; i++) {
                    http.send(HttpRequest.newBuilder(URI.create(base + q)).timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                long[] ns = new long[calls];
                int status = 0, bytes = 0;
                long cpuBefore = cpuTicks(p.pid());
                for (int i = 0; i < calls; i++) {
                    long s = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + q)).timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    ns[i] = System.nanoTime() - s;
                    status = r.statusCode();
                    bytes = r.body().length;
                }
                double cpuMsPerCall = (cpuTicks(p.pid()) - cpuBefore) * 1000.0 / CLOCK_TICKS_PER_SECOND / calls;
                Arrays.sort(ns);
                System.out.printf(Locale.ROOT, "query %s status=%d bytes=%d median_ms=%.1f p95_ms=%.1f service_cpu_ms_per_call=%.1f%n",
                        q, status, bytes, ns[calls / 2] / 1e6, ns[(int) Math.ceil(calls * 0.95) - 1] / 1e6, cpuMsPerCall);
            }
        } finally {
            p.destroy();
            p.waitFor();
            System.out.println("service log: " + log);
        }
    }

    private static long awaitReady(HttpClient http, String base, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("service exited (" + p.exitValue() + "); see " + log);
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready within 30 min; see " + log);
    }

    /** Linux's USER_HZ, the unit of utime/stime in /proc/PID/stat (100 on every mainstream kernel). */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    /**
     * The service's CPU time so far (user + system, all threads) in clock ticks: a figure that, unlike the wall
     * time of a call, does not grow with the other processes on a shared machine. PostgreSQL's share is not in it.
     */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15 of stat)
    }

    private static long vmRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    private YearMeasure() {
    }
}
