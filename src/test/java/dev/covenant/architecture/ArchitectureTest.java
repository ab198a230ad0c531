package dev.covenant.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.covenant.model.LayeringProbe;
import org.junit.jupiter.api.Test;

/**
 * The layering docs/architecture.md describes, checked on the compiled classes: each package may use
 * only the layers beneath it, and no two packages depend on each other. A probe class that reaches up
 * from the model to the CLI shows the rule is not vacuous.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.covenant");

    /** Bottom to top; a layer may use only those listed for it (and itself). */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Source").definedBy("dev.covenant.source..")
            .layer("Model").definedBy("dev.covenant.model..")
            .layer("Classify").definedBy("dev.covenant.classify..")
            .layer("Finding").definedBy("dev.covenant.finding..")
            .layer("Report").definedBy("dev.covenant.report..")
            .layer("Scenario").definedBy("dev.covenant.scenario..")
            .layer("Engine").definedBy("dev.covenant.engine..")
            .layer("Records").definedBy("dev.covenant.records..")
            .layer("Review").definedBy("dev.covenant.review..")
            .layer("Verify").definedBy("dev.covenant.verify..")
            .layer("Explain").definedBy("dev.covenant.explain..")
            .layer("Catalog").definedBy("dev.covenant.catalog..")
            .layer("Generate").definedBy("dev.covenant.generate..")
            .layer("Api").definedBy("dev.covenant")
            .layer("Server").definedBy("dev.covenant.server..")
            .layer("Cli").definedBy("dev.covenant.cli..")
            .whereLayer("Source").mayNotAccessAnyLayer()
            .whereLayer("Model").mayOnlyAccessLayers("Source")
            .whereLayer("Classify").mayOnlyAccessLayers("Model", "Source")
            .whereLayer("Finding").mayOnlyAccessLayers("Model", "Source")
            .whereLayer("Report").mayOnlyAccessLayers("Finding", "Model", "Source")
            .whereLayer("Scenario").mayOnlyAccessLayers("Finding", "Model", "Source")
            .whereLayer("Engine").mayOnlyAccessLayers("Scenario", "Finding", "Classify", "Model", "Source")
            .whereLayer("Records").mayOnlyAccessLayers("Engine", "Scenario", "Report", "Finding", "Model", "Source")
            .whereLayer("Review").mayOnlyAccessLayers("Scenario", "Report", "Finding", "Model", "Source")
            .whereLayer("Verify").mayOnlyAccessLayers("Engine", "Scenario", "Report", "Finding", "Classify", "Model", "Source")
            .whereLayer("Explain").mayOnlyAccessLayers("Engine", "Report", "Finding", "Classify", "Model", "Source")
            .whereLayer("Catalog").mayOnlyAccessLayers("Verify", "Engine", "Report", "Finding", "Model", "Source")
            .whereLayer("Generate").mayOnlyAccessLayers("Model", "Source")
            .whereLayer("Api").mayOnlyAccessLayers("Review", "Engine", "Scenario", "Report", "Finding", "Model", "Source")
            .whereLayer("Server").mayOnlyAccessLayers("Api", "Catalog", "Verify", "Review", "Engine", "Scenario", "Report",
                    "Finding", "Model", "Source")
            .whereLayer("Cli").mayOnlyAccessLayers("Api", "Server", "Generate", "Catalog", "Explain", "Verify", "Review",
                    "Records", "Engine", "Scenario", "Report", "Finding", "Classify", "Model", "Source");

    static final ArchRule NO_CYCLES = slices().matching("dev.covenant.(*)..").should().beFreeOfCycles();

    @Test
    void each_package_uses_only_the_layers_beneath_it() {
        LAYERS.check(MAIN);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void a_dependency_reaching_up_is_caught() {
        JavaClasses withProbe = new ClassFileImporter().importClasses(LayeringProbe.class, dev.covenant.cli.Main.class,
                dev.covenant.source.SourceSpan.class);
        EvaluationResult result = LAYERS.evaluate(withProbe);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("LayeringProbe", "dev.covenant.cli.Main");
    }
}
