package net.nym.tokenomics.performance.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A node's self-described API on 127.0.0.1 that misbehaves (raw sockets, so it can do what a real HTTP server would
 * not). Well-behaved answers are nym-node's; {@link Mode} says what goes wrong.
 */
public final class HostileNode implements AutoCloseable {

    public enum Mode {
        /** Every answer's headers arrive at once, then its (valid) body one byte every 50 ms. */
        TRICKLE,
        /** Every answer is valid JSON of 10 MB. */
        HUGE_BODY,
        /** build_version contains a NUL. */
        NUL_VERSION,
        /** build_version is 1 MB long. */
        MEGABYTE_VERSION,
        /** build_version is 2,000 characters long (the body is small enough to be read). */
        LONG_VERSION,
        /** Accepts the connection and reads the request, never answers. */
        SILENT
    }

    private final ServerSocket server;
    private final Mode mode;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private HostileNode(ServerSocket server, Mode mode) {
        this.server = server;
        this.mode = mode;
    }

    public static HostileNode start(Mode mode) throws IOException {
        HostileNode node = new HostileNode(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), mode);
        Thread.ofVirtual().start(node::acceptLoop);
        return node;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                // headers ignored
            }
            if (requestLine == null) {
                return;
            }
            String path = requestLine.split(" ")[1];
            OutputStream out = s.getOutputStream();
            switch (mode) {
                case SILENT -> {
                    while (in.read() >= 0) {
                        // hold the connection open until the prober gives up (or the test closes the server)
                    }
                }
                case TRICKLE -> {
                    byte[] body = (" ".repeat(200) + normal(path, "1.2.0")).getBytes(StandardCharsets.UTF_8);
                    headers(out, body.length);
                    for (byte b : body) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(50);
                    }
                }
                case HUGE_BODY -> {
                    String json = normal(path, "1.2.0");
                    String padded = "{\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"," + json.substring(1);
                    byte[] body = padded.getBytes(StandardCharsets.UTF_8);
                    headers(out, body.length);
                    out.write(body);
                }
                case NUL_VERSION -> answer(out, normal(path, "1.2.0\\u0000"));
                case MEGABYTE_VERSION -> answer(out, normal(path, "1.2.0-" + "a".repeat(1024 * 1024)));
                case LONG_VERSION -> answer(out, normal(path, "1.2.0-" + "b".repeat(2000)));
            }
            out.flush();
        } catch (IOException | InterruptedException gone) {
            // the prober hung up: that is what it should do
        }
    }

    private static String normal(String path, String buildVersion) {
        return switch (path) {
            case "/api/v1/health" -> "{\"status\":\"up\",\"uptime\":{\"secs\":100,\"nanos\":0}}";
            case "/api/v1/build-information" -> "{\"binary_name\":\"nym-node\",\"build_version\":\"" + buildVersion
                    + "\",\"build_timestamp\":\"2026-01-01T00:00:00Z\",\"commit_sha\":\"abc\"}";
            case "/api/v1/roles" -> "{\"mixnode_enabled\":true,\"gateway_enabled\":false,"
                    + "\"network_requester_enabled\":false,\"ip_packet_router_enabled\":false}";
            case "/api/v1/auxiliary-details" -> "{\"accepted_operator_terms_and_conditions\":true}";
            default -> "{}";
        };
    }

    private static void headers(OutputStream out, long length) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void answer(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        headers(out, body.length);
        out.write(body);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
