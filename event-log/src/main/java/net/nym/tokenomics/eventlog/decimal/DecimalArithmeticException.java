package net.nym.tokenomics.eventlog.decimal;

/** A Decimal operation the contract would refuse (panic): below zero, overflow, division by zero. */
public class DecimalArithmeticException extends ArithmeticException {
    public DecimalArithmeticException(String message) {
        super(message);
    }
}
