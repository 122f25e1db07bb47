package net.nym.tokenomics.performance.application;

import com.sun.net.httpserver.HttpServer;
import net.nym.tokenomics.performance.domain.selfdescribed.NodeFact;
import net.nym.tokenomics.performance.persistence.PerformanceEvents.NodeRegistered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 7 of issue 14 at the prober: the host policy is applied before anything is sent, to the bonded host and
 * to every address a name resolves to, and the connection goes to the address checked (one resolution).
 */
class NodeProbeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private HttpServer server;
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger resolutions = new AtomicInteger();

    @BeforeEach
    void startNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> answers = Map.of(
                "/api/v1/health", "{\"status\":\"up\"}",
                "/api/v1/build-information", "{\"binary_name\":\"nym-node\",\"build_version\":\"1.2.0\"}",
                "/api/v1/roles", "{\"mixnode_enabled\":true}",
                "/api/v1/auxiliary-details", "{\"accepted_operator_terms_and_conditions\":true}");
        answers.forEach((path, json) -> server.createContext(path, exchange -> {
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, 0); // 0: chunked transfer encoding
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        server.start();
    }

    @AfterEach
    void stopNode() {
        server.stop(0);
    }

    /** A resolver that knows one public-looking name, pointing at the local stub. */
    private InetAddress[] resolve(String name) throws UnknownHostException {
        resolutions.incrementAndGet();
        if (name.equals("node.example.com")) {
            return new InetAddress[] {InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1})};
        }
        if (name.equals("v6.example.com")) {
            byte[] loopback = new byte[16];
            loopback[15] = 1;
            return new InetAddress[] {InetAddress.getByAddress(name, new byte[] {8, 8, 8, 8}),
                    InetAddress.getByAddress(name, loopback)};
        }
        if (name.equals("127.0.0.1")) {
            return new InetAddress[] {InetAddress.getByAddress(new byte[] {127, 0, 0, 1})};
        }
        throw new UnknownHostException(name);
    }

    private NodeFact probe(String host, boolean allowPrivateHosts) {
        NodeProbe probe = new NodeProbe(this::resolve, allowPrivateHosts, Duration.ofSeconds(5), 65536, 8080, CLOCK);
        return probe.probe(new NodeRegistered(7, "key", host, server.getAddress().getPort(), true, false, false, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1          | host not public: loopback",
            "169.254.169.254    | host not public: the cloud metadata address",
            "10.1.2.3           | host not public: private 10.0.0.0/8",
            "[::1]              | host not public: loopback ::1",
            "::ffff:127.0.0.1   | host not public: IPv4-mapped loopback",
            "localhost          | host not public: names under .localhost are local",
            "node.example.com   | host not public: node.example.com resolves to 127.0.0.1, loopback",
            "v6.example.com     | host not public: v6.example.com resolves to 0:0:0:0:0:0:0:1, loopback ::1",
            "2130706433         | invalid host: not a valid dotted-quad",
            "bad_host.example   | invalid host:",
    })
    void aHostThatIsNotPublicIsNeverContacted(String host, String reason) {
        NodeFact fact = probe(host, false);
        assertThat(fact).isInstanceOf(NodeFact.NodeUnreachable.class);
        assertThat(((NodeFact.NodeUnreachable) fact).reason()).startsWith(reason);
        assertThat(hostHeaders).as("requests the node received").isEmpty();
    }

    @Test
    void aResolvedNameIsContactedAtTheAddressCheckedWithoutResolvingAgain() {
        NodeFact fact = probe("node.example.com", true);
        assertThat(fact).isInstanceOf(NodeFact.NodeDescribed.class);
        assertThat(((NodeFact.NodeDescribed) fact).buildVersion()).isEqualTo("1.2.0");
        assertThat(resolutions).hasValue(1);
        assertThat(hostHeaders).hasSize(4).allMatch(h -> h.equals("node.example.com:" + server.getAddress().getPort()));
    }

    @Test
    void privateHostsAreProbedWhenTheSettingAllowsThem() {
        NodeFact fact = probe("127.0.0.1", true);
        assertThat(fact).isInstanceOf(NodeFact.NodeDescribed.class);
        assertThat(((NodeFact.NodeDescribed) fact).binaryName()).isEqualTo("nym-node");
        assertThat(((NodeFact.NodeDescribed) fact).acceptedTerms()).isTrue();
    }

    @Test
    void aNameThatDoesNotResolveIsUnreachable() {
        NodeFact fact = probe("gone.example.com", false);
        assertThat(((NodeFact.NodeUnreachable) fact).reason()).startsWith("unreachable: host does not resolve");
    }
}
