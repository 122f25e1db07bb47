package net.nym.tokenomics.simulator.nodes;

import com.sun.net.httpserver.HttpServer;
import net.nym.tokenomics.simulator.network.SimNode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The synthetic nodes' self-described APIs, as performance-service's prober fetches them: one small HTTP server per
 * reachable node on its own loopback address (127.1.x.y), answering /api/v1/health, build-information, roles and
 * auxiliary-details.
 */
public final class NodeEndpoints implements AutoCloseable {

    public static final int PORT = 28080;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public NodeEndpoints(List<SimNode> nodes) throws IOException {
        for (SimNode n : nodes) {
            if (!n.reachable()) {
                continue;
            }
            HttpServer server = HttpServer.create(new InetSocketAddress(n.host(), PORT), 16);
            server.createContext("/api/v1/health", ex -> reply(ex, "{\"status\":\"up\"}"));
            server.createContext("/api/v1/build-information", ex -> reply(ex,
                    "{\"binary_name\":\"nym-node\",\"build_version\":\"" + n.version() + "\"}"));
            server.createContext("/api/v1/roles", ex -> reply(ex, "{\"mixnode_enabled\":" + n.mixnode()
                    + ",\"gateway_enabled\":" + n.isGateway() + ",\"network_requester_enabled\":" + n.exit()
                    + ",\"ip_packet_router_enabled\":" + n.exit() + "}"));
            server.createContext("/api/v1/auxiliary-details", ex -> reply(ex,
                    "{\"accepted_operator_terms_and_conditions\":" + n.acceptedTerms() + "}"));
            server.setExecutor(executor);
            server.start();
            servers.add(server);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    public int running() {
        return servers.size();
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
