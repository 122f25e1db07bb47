package net.nym.tokenomics.ticketledger.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.api.ApiError;
import net.nym.tokenomics.eventlog.json.Json;
import io.quarkus.runtime.configuration.MemorySize;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} by its Content-Length before it is read, with the
 * JSON error body every other refusal has (the HTTP layer itself would answer a bare 413). Chunked bodies without a
 * length are still cut off by the HTTP layer at the same limit.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBodyBytes;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                long bytes;
                try {
                    bytes = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    bytes = -1;
                }
                if (bytes > maxBodyBytes) {
                    ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(Json.write(new ApiError("body_too_large", "body", "request body is " + bytes
                                    + " bytes, the maximum is " + maxBodyBytes + " (quarkus.http.limits.max-body-size)")));
                    return;
                }
            }
            ctx.next();
        });
    }
}
