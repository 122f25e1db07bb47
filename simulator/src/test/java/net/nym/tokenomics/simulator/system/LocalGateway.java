package net.nym.tokenomics.simulator.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The local API gateway of deploy/local (nginx rendered from {@code deploy/local/gateway/nginx.conf.template}) in
 * front of a {@link ServiceProcesses} run, on a free port: the same configuration a newcomer starts with
 * {@code deploy/local/start-system.sh}, with this run's service ports. nginx comes from Debian's nginx-light, which
 * {@code deploy/local/run-tests.sh} installs when it is missing.
 */
final class LocalGateway implements AutoCloseable {

    private final Path state;
    private final Path conf;
    private final String nginx;
    private final int port;

    LocalGateway(Path repo, ServiceProcesses system, String postRate, int postBurst) throws Exception {
        this.nginx = findNginx();
        this.port = freePort();
        this.state = Files.createDirectories(repo.resolve("simulator/target/gateway-" + system.run()));
        String template = Files.readString(repo.resolve("deploy/local/gateway/nginx.conf.template"));
        String rendered = template.replace("@STATE@", state.toString()).replace("@PORT@", String.valueOf(port))
                .replace("@REWARDS_PORT@", portOf(system, "rewards")).replace("@PERFORMANCE_PORT@", portOf(system, "performance"))
                .replace("@SELECTION_PORT@", portOf(system, "selection"))
                .replace("@TICKET_LEDGER_PORT@", portOf(system, "ticket-ledger"))
                .replace("@POST_RATE@", postRate).replace("@POST_BURST@", String.valueOf(postBurst));
        if (rendered.contains("@")) {
            throw new IllegalStateException("the gateway template has a placeholder this test does not know: " + rendered.lines()
                    .filter(l -> l.contains("@")).findFirst().orElseThrow());
        }
        this.conf = state.resolve("nginx.conf");
        Files.writeString(conf, rendered);
        run(List.of(nginx, "-c", conf.toString(), "-p", state.toString()));
        awaitUp();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    private static String portOf(ServiceProcesses system, String svc) {
        String base = system.baseUrl(svc);
        return base.substring(base.lastIndexOf(':') + 1);
    }

    private static String findNginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("nginx is not installed: deploy/local/run-tests.sh (the README's test command) "
                + "installs Debian's nginx-light, or run deploy/local/start-gateway.sh once");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the gateway did not answer /healthz within 20 s; see " + state.resolve("error.log"));
    }

    private void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve("nginx.out").toFile())).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + state.resolve("nginx.out")
                    + " and " + state.resolve("error.log"));
        }
    }

    @Override
    public void close() throws Exception {
        run(List.of(nginx, "-c", conf.toString(), "-p", state.toString(), "-s", "stop"));
    }
}
