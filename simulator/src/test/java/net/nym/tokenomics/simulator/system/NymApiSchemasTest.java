package net.nym.tokenomics.simulator.system;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility suite's data without a running system: every case names a schema that exists and loads, and the
 * validator refuses what nym-api's clients would refuse (so a passing suite means something).
 */
class NymApiSchemasTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static Schema schema(String name) {
        return REGISTRY.getSchema(SchemaLocation.of("classpath:nym-api-compat/schemas/" + name + ".schema.json"));
    }

    @Test
    void everyCaseNamesASchemaThatLoads() throws Exception {
        for (NymApiCompatibilityTest.Case c : NymApiCompatibilityTest.cases()) {
            if (!c.schema().equals("-")) {
                assertThat(getClass().getClassLoader().getResource("nym-api-compat/schemas/" + c.schema() + ".schema.json"))
                        .as(c.where() + ": schema " + c.schema()).isNotNull();
                assertThat(schema(c.schema()).validate("{}", InputFormat.JSON)).as(c.where() + ": " + c.schema()
                        + " requires fields (an empty object must not pass)").isNotEmpty();
            }
        }
    }

    @Test
    void theIntervalSchemaRefusesAMissingFieldAndAWrongType() {
        String good = """
                {"id":3,"epochs_in_interval":720,"current_epoch_start":"2026-12-05T01:00:00Z","current_epoch_id":17,
                 "epoch_length":{"secs":3600,"nanos":0},"total_elapsed_epochs":2177}""";
        assertThat(schema("interval").validate(good, InputFormat.JSON)).isEmpty();
        assertThat(schema("interval").validate(good.replace(",\"current_epoch_id\":17", ""), InputFormat.JSON))
                .as("current_epoch_id missing").isNotEmpty();
        assertThat(schema("interval").validate(good.replace("\"secs\":3600", "\"secs\":\"3600\""), InputFormat.JSON))
                .as("epoch_length.secs as a string").isNotEmpty();
        assertThat(schema("interval").validate(good.replace("\"id\":3", "\"id\":-1"), InputFormat.JSON))
                .as("a negative u32").isNotEmpty();
    }
}
