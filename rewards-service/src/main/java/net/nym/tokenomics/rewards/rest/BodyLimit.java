package net.nym.tokenomics.rewards.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import net.nym.tokenomics.eventlog.api.ApiError;
import net.nym.tokenomics.eventlog.api.ErrorKind;
import net.nym.tokenomics.eventlog.json.Json;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} by its Content-Length before it is read, with
 * the one JSON error body (the HTTP layer itself would answer a bare 413). A chunked body without a length is still
 * cut off by the HTTP layer at the same limit.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBodyBytes;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long bytes = -1;
            if (length != null) {
                try {
                    bytes = Long.parseLong(length.trim());
                } catch (NumberFormatException notANumber) {
                    // left to the HTTP layer, which refuses it
                }
            }
            if (bytes > maxBodyBytes) {
                ctx.response().setStatusCode(ErrorKind.TOO_LARGE.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Json.write(new ApiError("too_large", "body", "the request body is " + bytes
                                + " bytes, the maximum is " + maxBodyBytes)));
                return;
            }
            ctx.next();
        });
    }
}
