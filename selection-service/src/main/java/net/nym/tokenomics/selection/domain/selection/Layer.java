package net.nym.tokenomics.selection.domain.selection;

/** A mix layer. {@link #index()} is 0-based, {@link #number()} is the 1-based number used in nym-api's shape. */
public enum Layer {
    LAYER1, LAYER2, LAYER3;

    public int index() {
        return ordinal();
    }

    public int number() {
        return ordinal() + 1;
    }

    public static Layer ofIndex(int index) {
        return values()[index];
    }
}
