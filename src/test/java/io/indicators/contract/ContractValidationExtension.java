package io.indicators.contract;

import java.lang.reflect.InvocationTargetException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts {@link ContractValidationFilter} on REST Assured for every test class of the suite. Registered for all tests
 * through {@code META-INF/services/org.junit.jupiter.api.extension.Extension} with
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in {@code junit-platform.properties}: no test has to
 * opt in, and none can forget to.
 *
 * <p>
 * {@code @QuarkusTest} classes run in Quarkus' own class loader, which may hold its own copy of REST Assured.
 * The filter is therefore installed through the class loader of the test class itself, so it lands on the REST
 * Assured the test actually calls.
 */
public final class ContractValidationExtension implements BeforeAllCallback, BeforeEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        install(context.getRequiredTestClass().getClassLoader());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        install(context.getRequiredTestInstance().getClass().getClassLoader());
    }

    private static void install(ClassLoader loader) {
        try {
            Class.forName(ContractValidation.class.getName(), true, loader).getMethod("install").invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not install the contract validation filter", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not install the contract validation filter", e);
        }
    }
}
