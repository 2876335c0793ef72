package io.indicators.common.period;

public class InvalidPeriodException extends IllegalArgumentException {

    public InvalidPeriodException(String text, String reason) {
        super("'" + text + "' is not a reference period: " + reason);
    }
}
