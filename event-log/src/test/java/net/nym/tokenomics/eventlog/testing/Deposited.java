package net.nym.tokenomics.eventlog.testing;

import net.nym.tokenomics.eventlog.decimal.Decimal;

/** A test event: an amount credited to an account stream. */
public record Deposited(String account, Decimal amount) {
    public static final String TYPE = "Deposited";
}
