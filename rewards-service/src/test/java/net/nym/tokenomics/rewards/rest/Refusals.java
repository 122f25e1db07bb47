package net.nym.tokenomics.rewards.rest;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import net.nym.tokenomics.eventlog.store.EventStore;
import net.nym.tokenomics.eventlog.store.Transactions;

import javax.sql.DataSource;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The one check of a refusal the REST tests share: its status, the JSON error body, and nothing recorded. */
final class Refusals {

    private final DataSource dataSource;

    Refusals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    long logSize() {
        return Transactions.inTransaction(dataSource, c -> new EventStore().count(c));
    }

    void refused(Supplier<ValidatableResponse> request, int status, String error, String field) {
        long before = logSize();
        request.get().statusCode(status).contentType(ContentType.JSON)
                .body("error", equalTo(error)).body("field", equalTo(field)).body("reason", not(emptyOrNullString()));
        assertThat(logSize()).as("events recorded by a refused request").isEqualTo(before);
    }
}
