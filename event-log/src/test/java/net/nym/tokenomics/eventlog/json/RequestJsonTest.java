package net.nym.tokenomics.eventlog.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import net.nym.tokenomics.eventlog.rest.ApiErrorMappers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestJsonTest {

    record Item(String name, List<String> tags) { }

    @Test
    void anOrdinaryBodyReadsAsWithJson() throws Exception {
        String body = "{\"name\":\"a\",\"tags\":[\"x\",\"y\"]}";
        assertThat(RequestJson.mapper().readValue(body, Item.class)).isEqualTo(Json.read(body, Item.class));
    }

    @Test
    void aNulAnywhereInAStringIsRefusedNamingTheField() {
        assertThatThrownBy(() -> RequestJson.mapper().readValue("{\"name\":\"a\",\"tags\":[\"x\",\"y\\u0000\"]}", Item.class))
                .isInstanceOfSatisfying(JsonProcessingException.class, e -> {
                    assertThat(ApiErrorMappers.fieldOf(e)).isEqualTo("tags[1]");
                    assertThat(e.getOriginalMessage()).contains("U+0000");
                });
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws Exception {
        String ok = "[".repeat(RequestJson.MAX_NESTING_DEPTH) + "]".repeat(RequestJson.MAX_NESTING_DEPTH);
        assertThat(RequestJson.mapper().readTree(ok)).isNotNull();
        String deep = "[".repeat(RequestJson.MAX_NESTING_DEPTH + 1) + "]".repeat(RequestJson.MAX_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> RequestJson.mapper().readTree(deep)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aNumberLongerThanTheLimitIsRefused() {
        String body = "{\"n\":" + "9".repeat(RequestJson.MAX_NUMBER_LENGTH + 1) + "}";
        assertThatThrownBy(() -> RequestJson.mapper().readValue(body, Map.class)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Number value length");
    }

    @Test
    void aStringLongerThanTheLimitIsRefused() {
        String body = "{\"name\":\"" + "a".repeat(RequestJson.MAX_STRING_LENGTH + 1) + "\"}";
        assertThatThrownBy(() -> RequestJson.mapper().readValue(body, Item.class)).isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("String value length");
    }

    /** The event mapper is untouched: its limits are Jackson's defaults. */
    @Test
    void theEventMapperKeepsItsOwnLimits() throws Exception {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThat(Json.mapper().readTree(deep)).isNotNull();
    }
}
