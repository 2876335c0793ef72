package io.indicators.contract;

import java.util.Map;

import com.atlassian.oai.validator.report.ValidationReport.Level;

/**
 * Overrides of swagger-request-validator's default levels, each with the reason it is not a contract problem.
 * Every rule not listed keeps the library's default level.
 *
 * <p>
 * There are none so far, and some defaults are kept on purpose:
 * <ul>
 * <li>{@code validation.response.body.schema.additionalProperties} stays an error. The library treats a property the
 * schema does not declare as an error, so a field the code sends without documenting it fails the test. Clients
 * are told to ignore unknown fields, but an undocumented field in our own responses means the document is
 * incomplete.</li>
 * <li>Request validation stays on. Deliberately malformed requests are handled in
 * {@link ContractValidationFilter}: the server must reject them with a documented 4xx.</li>
 * </ul>
 */
final class ContractValidationLevels {

    static final Map<String, Level> OVERRIDES = Map.of();

    private ContractValidationLevels() {
    }
}
