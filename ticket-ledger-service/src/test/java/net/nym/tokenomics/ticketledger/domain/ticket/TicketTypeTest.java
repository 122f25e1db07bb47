package net.nym.tokenomics.ticketledger.domain.ticket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TicketTypeTest {

    /** C.1: JSON names, t_type codes, bytes per ticket and per book of 50 (10 GB / 5 GB / 25 GB / 25 GB). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "v1-mixnet-entry,    0, 200000000, 10000000000, V1_MIXNET_ENTRY",
            "v1-mixnet-exit,     1, 100000000,  5000000000, V1_MIXNET_EXIT",
            "v1-wireguard-entry, 2, 500000000, 25000000000, V1_WIREGUARD_ENTRY",
            "v1-wireguard-exit,  3, 500000000, 25000000000, V1_WIREGUARD_EXIT",
    })
    void matchesTheReferenceConstants(String jsonName, int code, long bytes, long bytesPerBook, TicketType expected) {
        assertThat(TicketType.fromJsonName(jsonName)).contains(expected);
        assertThat(TicketType.fromCode(code)).contains(expected);
        assertThat(expected.jsonName()).isEqualTo(jsonName);
        assertThat(expected.code()).isEqualTo(code);
        assertThat(expected.bytesPerTicket()).isEqualTo(bytes);
        assertThat(expected.bytesPerBook()).isEqualTo(bytesPerBook);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "V1-MIXNET-ENTRY", "v1_mixnet_entry", "V1_MIXNET_ENTRY", "v2-mixnet-entry", " v1-mixnet-exit"})
    void unknownNamesAreNotTypes(String name) {
        assertThat(TicketType.fromJsonName(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4, 255})
    void unknownCodesAreNotTypes(int code) {
        assertThat(TicketType.fromCode(code)).isEmpty();
    }
}
