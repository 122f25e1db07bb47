package net.nym.tokenomics.performance.it;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A nym-node's self-described HTTP API on 127.0.0.1, answering fixed JSON. */
public final class NodeStub implements AutoCloseable {

    private final HttpServer server;

    private NodeStub(HttpServer server) {
        this.server = server;
    }

    public static NodeStub start(String binaryName, String buildVersion, boolean acceptedTerms) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> answers = Map.of(
                "/api/v1/health", "{\"status\":\"up\",\"uptime\":{\"secs\":100,\"nanos\":0}}",
                "/api/v1/build-information", "{\"binary_name\":\"" + binaryName + "\",\"build_version\":\"" + buildVersion
                        + "\",\"build_timestamp\":\"2026-01-01T00:00:00Z\",\"commit_sha\":\"abc\"}",
                "/api/v1/roles", "{\"mixnode_enabled\":true,\"gateway_enabled\":false,\"network_requester_enabled\":false,"
                        + "\"ip_packet_router_enabled\":false}",
                "/api/v1/auxiliary-details", "{\"location\":\"DE\",\"accepted_operator_terms_and_conditions\":" + acceptedTerms + "}");
        answers.forEach((path, json) -> server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        server.start();
        return new NodeStub(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A local port nothing listens on. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
