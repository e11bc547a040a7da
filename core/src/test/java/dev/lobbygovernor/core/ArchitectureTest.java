package dev.lobbygovernor.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lobbygovernor.testing.PackageSlices;
import dev.lobbygovernor.testing.StructureRules;
import org.junit.jupiter.api.Test;

/** DESIGN.md's dependency rules for core, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lobbygovernor.core", "dev.lobbygovernor.store");

    @Test
    void coreUsesNoJnaJacksonOrHttpClient() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.sun.jna..", "com.fasterxml.jackson..", "java.net.http..")
                .check(CORE);
    }

    @Test
    void coreDependsOnlyOnStoreSpiSlf4jAndTheJdk() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.lobbygovernor.core..", "dev.lobbygovernor.store..",
                        "org.slf4j..", "java..", "javax.annotation..")
                .check(CORE);
    }

    @Test
    void storeSpiDependsOnNothingOfCore() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.store..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.core..")
                .check(CORE);
    }

    @Test
    void corePackagesHaveNoCycles() {
        slices().assignedFrom(PackageSlices.packageWithItsInternals()).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void apiPackagesHoldNoPackagePrivateClasses() {
        StructureRules.apiPackagesHoldOnlyPublicClasses().check(CORE);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnConcern() {
        StructureRules.internalsAreUsedOnlyByTheirOwnConcern().check(CORE);
    }

    @Test
    void noCyclesBetweenClasses() {
        StructureRules.noCyclesBetweenClasses().check(CORE);
    }

    @Test
    void publicPackagesDoNotReachIntoAnotherModulesInternals() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.core..")
                .and().resideOutsideOfPackage("dev.lobbygovernor.core..internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.store..internal..")
                .check(CORE);
    }
}
