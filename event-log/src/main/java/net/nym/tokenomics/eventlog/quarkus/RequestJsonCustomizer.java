package net.nym.tokenomics.eventlog.quarkus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import net.nym.tokenomics.eventlog.json.RequestJson;

/** Quarkus's mapper reads the request bodies that resources take as records: it gets {@link RequestJson}'s limits. */
@Singleton
public class RequestJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        RequestJson.harden(mapper);
    }
}
