package io.indicators.contract;

import io.restassured.RestAssured;

/** Installs {@link ContractValidationFilter} on REST Assured's global filters, once. */
public final class ContractValidation {

    private ContractValidation() {
    }

    /** Idempotent: REST Assured keeps one filter list per class loader, so the filter is never added twice. */
    public static synchronized void install() {
        if (!installed()) {
            RestAssured.filters(new ContractValidationFilter());
        }
    }

    /** Whether the filter is on the REST Assured this class sees. */
    public static boolean installed() {
        return RestAssured.filters().stream()
                .anyMatch(f -> f.getClass().getName().equals(ContractValidationFilter.class.getName()));
    }
}
