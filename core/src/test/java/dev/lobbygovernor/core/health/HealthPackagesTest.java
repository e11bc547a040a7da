package dev.lobbygovernor.core.health;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The seams of the health and probe packages, checked on the compiled classes. */
class HealthPackagesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lobbygovernor.core");

    @Test
    void healthAndProbesNeverReachTheGovernorPackage() {
        // The governor depends on health, so the monitor talks to it through CapacitySource and a sink.
        noClasses().that().resideInAnyPackage("dev.lobbygovernor.core.health..", "dev.lobbygovernor.core.gpu..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.core.admission..")
                .check(CORE);
    }

    @Test
    void probeDecoratorsAreReachedOnlyThroughProbes() {
        noClasses().that().resideOutsideOfPackage("dev.lobbygovernor.core.gpu..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.core.gpu.internal..")
                .check(CORE);
    }

    @Test
    void probesDoNotDependOnHealth() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.core.gpu..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.core.health..")
                .check(CORE);
    }
}
