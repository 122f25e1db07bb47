package net.nym.tokenomics.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import net.nym.tokenomics.eventlog.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for the services, through the API gateway. */
public final class Api {

    public record Reply(int status, JsonNode body, String raw) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.function.Function<String, String> baseFor;

    /** Everything through one gateway. */
    public Api(String gateway) {
        String base = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
        this.baseFor = path -> base;
    }

    /** Straight to the services, routed by path. */
    public Api(Routes routes) {
        this.baseFor = routes::baseFor;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseFor.apply(path) + path)).GET(), null);
    }

    public Reply post(String path, Object body, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseFor.apply(path) + path))
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : Json.write(body)))
                .header("Content-Type", "application/json"), authorization);
    }

    public Reply delete(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseFor.apply(path) + path)).DELETE(), authorization);
    }

    private Reply send(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.timeout(Duration.ofSeconds(30));
        // A client that retries: a service restarting (or a gateway without its upstream for a moment) is waited for, up to
        // a minute, as a real gateway or monitor would. So is a 502/503/504: the service (or the gateway in front of it)
        // stored nothing and said to come back, e.g. a ticket ledger rebuilt from Kafka that is still catching up.
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 502 && r.statusCode() <= 504 && System.nanoTime() < deadline) {
                    sleep(Math.min(1000L, 100L * attempt));
                    continue;
                }
                JsonNode body = null;
                try {
                    body = r.body() == null || r.body().isBlank() ? null : Json.mapper().readTree(r.body());
                } catch (IOException notJson) {
                    // a plain-text body (e.g. from the gateway) stays in raw
                }
                return new Reply(r.statusCode(), body, r.body());
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
                }
                sleep(Math.min(1000L, 100L * attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
