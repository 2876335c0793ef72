package io.indicators.release;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The arithmetic of derived values. A derived value is stated with the source's rounding: 5.3 stands for anything
 * within half a unit of its last decimal (±0.05), so a stated value is consistent with its inputs when the exact
 * result lies within that tolerance, and a recomputed value is rounded to the same number of decimals.
 */
public final class Derivations {

    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Derivations() {
    }

    /** The exact result of {@code operation} on a and b; b must not be zero except for a difference. */
    public static BigDecimal compute(String operation, BigDecimal a, BigDecimal b) {
        return switch (operation) {
            case "ratio" -> a.divide(b, PRECISION);
            case "percent-of" -> HUNDRED.multiply(a).divide(b, PRECISION);
            case "difference" -> a.subtract(b);
            case "percent-change" -> HUNDRED.multiply(a.subtract(b)).divide(b, PRECISION);
            default -> throw new IllegalArgumentException("unknown operation '" + operation + "'");
        };
    }

    /** Half a unit of the stated value's last decimal: 5.3 allows ±0.05, 10 allows ±0.5. */
    public static BigDecimal tolerance(BigDecimal stated) {
        return BigDecimal.ONE.scaleByPowerOfTen(-stated.scale()).divide(BigDecimal.TWO);
    }

    public static boolean consistent(BigDecimal stated, BigDecimal computed) {
        return computed.subtract(stated).abs().compareTo(tolerance(stated)) <= 0;
    }

    /** A recomputed value, rounded as the value it replaces was stated (half up, 5.331 → 5.3). */
    public static BigDecimal roundedLike(BigDecimal computed, BigDecimal stated) {
        return computed.setScale(Math.max(0, stated.scale()), RoundingMode.HALF_UP);
    }

    /** Whether the operation can be computed with this b (everything but a difference divides by it). */
    public static boolean defined(String operation, BigDecimal b) {
        return b.signum() != 0 || "difference".equals(operation);
    }
}
