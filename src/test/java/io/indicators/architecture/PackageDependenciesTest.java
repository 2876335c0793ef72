package io.indicators.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Keeps the package graph of ADR 0006 true: one package per concern, each depending only on those below it, and no
 * cycle anywhere. A change that needs an arrow the ADR does not draw changes the ADR first.
 */
class PackageDependenciesTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.indicators");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("io.indicators.(**)").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void eachPackageDependsOnlyOnThoseBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("agent").definedBy("io.indicators.agent..")
                .layer("seed").definedBy("io.indicators.seed..")
                .layer("claim").definedBy("io.indicators.claim..")
                .layer("indicator").definedBy("io.indicators.indicator..")
                .layer("release").definedBy("io.indicators.release..")
                .layer("observation").definedBy("io.indicators.observation..")
                .layer("source").definedBy("io.indicators.source..")
                .layer("common").definedBy("io.indicators.common..")
                .whereLayer("agent").mayNotBeAccessedByAnyLayer()
                .whereLayer("seed").mayNotBeAccessedByAnyLayer()
                .whereLayer("claim").mayOnlyBeAccessedByLayers("agent")
                .whereLayer("indicator").mayOnlyBeAccessedByLayers("agent")
                .whereLayer("release").mayOnlyBeAccessedByLayers("seed")
                .whereLayer("observation").mayOnlyBeAccessedByLayers("agent", "claim", "indicator", "release")
                .whereLayer("source").mayOnlyBeAccessedByLayers("agent", "indicator", "observation")
                .whereLayer("common").mayOnlyBeAccessedByLayers("agent", "seed", "claim", "indicator", "release",
                        "observation", "source")
                .check(SERVICE);
    }
}
