package dev.lobbygovernor.smi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lobbygovernor.testing.StructureRules;
import org.junit.jupiter.api.Test;

/** DESIGN.md's dependency rules for smi-probe, checked on the compiled classes. */
class SmiArchitectureTest {

    private static final JavaClasses SMI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lobbygovernor.smi");

    @Test
    void dependsOnlyOnCoreSlf4jAndTheJdk() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.smi..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.lobbygovernor.smi..", "dev.lobbygovernor.core..", "org.slf4j..", "java..")
                .check(SMI);
    }

    @Test
    void neverReachesIntoOtherProbesOrTheWolfClient() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.smi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lobbygovernor.nvml..", "dev.lobbygovernor.wolf..", "com.sun.jna..")
                .check(SMI);
    }

    @Test
    void internalsUseOnlyTheApisValuesNeverTheProbeOrTheParser() {
        // The CSV table reports field errors and recognised failure texts with the API's own
        // types; what it must never do is call back into the classes that use it.
        noClasses().that().resideInAPackage("dev.lobbygovernor.smi.internal..")
                .should().dependOnClassesThat().haveSimpleNameStartingWith("NvidiaSmiGpuProbe")
                .orShould().dependOnClassesThat().haveSimpleName("SmiCsvParser")
                .check(SMI);
    }

    @Test
    void noCyclesBetweenClasses() {
        StructureRules.noCyclesBetweenClasses().check(SMI);
    }

    @Test
    void publicPackageUsesNoOtherModulesInternals() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.smi")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.core..internal..")
                .check(SMI);
    }

    @Test
    void eachClassLogsThroughItsOwnLoggerNeverOneHandedIn() {
        StructureRules.classesLogThroughTheirOwnLogger().check(SMI);
    }
}
