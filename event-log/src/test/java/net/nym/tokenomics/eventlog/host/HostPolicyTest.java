package net.nym.tokenomics.eventlog.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HostPolicyTest {

    enum Expected { ADDRESS, NAME, NOT_PUBLIC, INVALID }

    private static Expected kind(HostPolicy.Verdict v) {
        return switch (v) {
            case HostPolicy.Verdict.PublicAddress a -> Expected.ADDRESS;
            case HostPolicy.Verdict.PublicName n -> Expected.NAME;
            case HostPolicy.Verdict.NotPublic p -> Expected.NOT_PUBLIC;
            case HostPolicy.Verdict.Invalid i -> Expected.INVALID;
        };
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // public IPv4 and names
            "8.8.8.8                 | ADDRESS",
            "1.1.1.1                 | ADDRESS",
            "93.184.216.34           | ADDRESS",
            "172.15.255.255          | ADDRESS",
            "172.32.0.1              | ADDRESS",
            "100.63.255.255          | ADDRESS",
            "100.128.0.1             | ADDRESS",
            "223.255.255.254         | ADDRESS",
            "node1.nymtech.net       | NAME",
            "Mix-01.Example.COM      | NAME",
            "127.0.0.1.nip.io        | NAME",
            "xn--bcher-kva.ch        | NAME",
            // IPv4 that is not public
            "127.0.0.1               | NOT_PUBLIC",
            "127.1.0.9               | NOT_PUBLIC",
            "0.0.0.0                 | NOT_PUBLIC",
            "0.1.2.3                 | NOT_PUBLIC",
            "10.0.0.1                | NOT_PUBLIC",
            "10.255.255.255          | NOT_PUBLIC",
            "172.16.0.1              | NOT_PUBLIC",
            "172.31.255.255          | NOT_PUBLIC",
            "192.168.1.1             | NOT_PUBLIC",
            "100.64.0.1              | NOT_PUBLIC",
            "100.127.255.255         | NOT_PUBLIC",
            "169.254.169.254         | NOT_PUBLIC",
            "169.254.0.1             | NOT_PUBLIC",
            "192.0.0.8               | NOT_PUBLIC",
            "192.0.2.1               | NOT_PUBLIC",
            "198.18.0.1              | NOT_PUBLIC",
            "198.51.100.7            | NOT_PUBLIC",
            "203.0.113.9             | NOT_PUBLIC",
            "224.0.0.1               | NOT_PUBLIC",
            "239.255.255.250         | NOT_PUBLIC",
            "240.0.0.1               | NOT_PUBLIC",
            "255.255.255.255         | NOT_PUBLIC",
            // numeric forms resolvers read as IPv4 (inet_aton): refused, never guessed
            "2130706433              | INVALID",
            "0x7f000001              | INVALID",
            "0x7f.0.0.1              | INVALID",
            "0177.0.0.1              | INVALID",
            "127.1                   | INVALID",
            "127.0.1                 | INVALID",
            "08.8.8.8                | INVALID",
            "256.1.1.1               | INVALID",
            "1.2.3.4.5               | INVALID",
            // IPv6, every textual form
            "2001:4860:4860::8888    | ADDRESS",
            "[2001:4860:4860::8888]  | ADDRESS",
            "2606:4700:4700:0:0:0:0:1111 | ADDRESS",
            "2A00:1450:4001:82B::200E | ADDRESS",
            "::1                     | NOT_PUBLIC",
            "[::1]                   | NOT_PUBLIC",
            "0:0:0:0:0:0:0:1         | NOT_PUBLIC",
            "::                      | NOT_PUBLIC",
            "::ffff:127.0.0.1        | NOT_PUBLIC",
            "::ffff:7f00:1           | NOT_PUBLIC",
            "::FFFF:169.254.169.254  | NOT_PUBLIC",
            "::ffff:8.8.8.8          | ADDRESS",
            "::127.0.0.1             | NOT_PUBLIC",
            "64:ff9b::10.0.0.1       | NOT_PUBLIC",
            "64:ff9b::8.8.8.8        | ADDRESS",
            "2002:7f00:1::1          | NOT_PUBLIC",
            "2002:808:808::1         | ADDRESS",
            "fc00::1                 | NOT_PUBLIC",
            "fd12:3456:789a::1       | NOT_PUBLIC",
            "fe80::1                 | NOT_PUBLIC",
            "febf::1                 | NOT_PUBLIC",
            "fec0::1                 | NOT_PUBLIC",
            "ff02::1                 | NOT_PUBLIC",
            "2001:db8::1             | NOT_PUBLIC",
            "2001::1                 | NOT_PUBLIC",
            "100::1                  | NOT_PUBLIC",
            "fe80::1%eth0            | INVALID",
            "[fe80::1%25eth0]        | INVALID",
            "1:2:3:4:5:6:7:8:9       | INVALID",
            "1::2::3                 | INVALID",
            "12345::1                | INVALID",
            "[::1                    | INVALID",
            "::ffff:127.0.0.256      | INVALID",
            // names that are local by construction
            "localhost               | NOT_PUBLIC",
            "LOCALHOST               | NOT_PUBLIC",
            "api.localhost           | NOT_PUBLIC",
            "metadata.google.internal | NOT_PUBLIC",
            "printer.local           | NOT_PUBLIC",
            "router.home.arpa        | NOT_PUBLIC",
            "kubernetes              | NOT_PUBLIC",
            "metadata                | NOT_PUBLIC",
            // not a host at all
            "-bad.example.com        | INVALID",
            "bad-.example.com        | INVALID",
            "a..b.com                | INVALID",
            "example.com.            | INVALID",
            "under_score.example.com | INVALID",
            "exa mple.com            | INVALID",
            "http://example.com      | INVALID",
            "example.com:8080        | INVALID",
            "user@example.com        | INVALID",
    })
    void classifiesHosts(String host, Expected expected) {
        assertThat(kind(HostPolicy.classify(host))).as(host).isEqualTo(expected);
    }

    @Test
    void emptyNullOverlongAndControlCharactersAreInvalid() {
        assertThat(kind(HostPolicy.classify(null))).isEqualTo(Expected.INVALID);
        assertThat(kind(HostPolicy.classify(""))).isEqualTo(Expected.INVALID);
        assertThat(kind(HostPolicy.classify("example.com\u0000"))).isEqualTo(Expected.INVALID);
        assertThat(kind(HostPolicy.classify("exa\nmple.com"))).isEqualTo(Expected.INVALID);
        assertThat(kind(HostPolicy.classify("a".repeat(64) + ".com"))).isEqualTo(Expected.INVALID);
        String longest = ("a".repeat(61) + ".").repeat(4) + "com"; // 251 characters
        assertThat(kind(HostPolicy.classify(longest))).isEqualTo(Expected.NAME);
        assertThat(kind(HostPolicy.classify("ab." + longest))).isEqualTo(Expected.INVALID); // 254
        assertThat(kind(HostPolicy.classify("x".repeat(400_000)))).isEqualTo(Expected.INVALID);
    }

    @Test
    void literalsCarryTheirAddressAndNamesAreLowerCased() {
        assertThat(((HostPolicy.Verdict.PublicAddress) HostPolicy.classify("8.8.4.4")).address())
                .containsExactly(8, 8, 4, 4);
        assertThat(((HostPolicy.Verdict.PublicAddress) HostPolicy.classify("[2001:4860::1]")).address())
                .hasSize(16).startsWith(0x20, 0x01, 0x48, 0x60).endsWith(0, 1);
        assertThat(((HostPolicy.Verdict.PublicName) HostPolicy.classify("Node.Example.COM")).name())
                .isEqualTo("node.example.com");
    }

    @Test
    void resolvedAddressesAreCheckedByTheSameRules() {
        assertThat(HostPolicy.classifyAddress(new byte[] {127, 0, 0, 1}).isPublic()).isFalse();
        assertThat(HostPolicy.classifyAddress(new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254}).isPublic()).isFalse();
        assertThat(HostPolicy.classifyAddress(new byte[] {8, 8, 8, 8}).isPublic()).isTrue();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        assertThat(HostPolicy.classifyAddress(mapped).isPublic()).isFalse();
        assertThat(kind(HostPolicy.classifyAddress(new byte[] {1, 2, 3}))).isEqualTo(Expected.INVALID);
    }
}
