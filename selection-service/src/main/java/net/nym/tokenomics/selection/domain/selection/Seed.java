package net.nym.tokenomics.selection.domain.selection;

import java.util.HexFormat;
import java.util.Locale;

/** The seed of one epoch's draw: 1 to 512 bytes, written as lowercase hex (normalised in the constructor). */
public record Seed(String hex) {

    public Seed {
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.isEmpty() || hex.length() % 2 != 0 || hex.length() > 1024 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("seed must be 1 to 512 bytes of hex, got '" + hex + "'");
        }
    }

    public static Seed of(byte[] bytes) {
        return new Seed(HexFormat.of().formatHex(bytes));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
