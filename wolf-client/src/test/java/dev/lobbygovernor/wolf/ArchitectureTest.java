package dev.lobbygovernor.wolf;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.List;
import dev.lobbygovernor.testing.StructureRules;
import org.junit.jupiter.api.Test;

/** DESIGN.md's dependency rules for wolf-client, checked on the compiled classes. */
class ArchitectureTest {

    /** This module's main classes only: scanning the whole classpath costs seconds. */
    private static final JavaClasses WOLF = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(List.of(Location.of(
                    WolfClient.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void dependsOnlyOnCoreStoreJacksonSlf4jAndTheJdk() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
                "dev.lobbygovernor.wolf..", "dev.lobbygovernor.core..", "dev.lobbygovernor.store..",
                "com.fasterxml.jackson..", "org.slf4j..", "java..", "javax..")
                .check(WOLF);
    }

    @Test
    void neverDependsOnTheOtherProbesOrTheSimulator() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "dev.lobbygovernor.nvml..", "dev.lobbygovernor.smi..", "dev.lobbygovernor.wolf.sim..",
                "com.sun.jna..")
                .check(WOLF);
    }

    @Test
    void wireModelStandsAloneSoTheSimulatorCanShareIt() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.wolf.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lobbygovernor.wolf", "dev.lobbygovernor.wolf.internal..",
                        "dev.lobbygovernor.core..", "org.slf4j..")
                .check(WOLF);
    }

    @Test
    void reachesNoOtherModulesInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "dev.lobbygovernor.core..internal..", "dev.lobbygovernor.store..internal..")
                .check(WOLF);
    }

    @Test
    void apiPackagesHoldNoPackagePrivateClasses() {
        StructureRules.apiPackagesHoldOnlyPublicClasses().check(WOLF);
    }

    @Test
    void publicApiNeverReturnsOrTakesAnInternalType() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat()
                .resideInAnyPackage("dev.lobbygovernor.wolf", "dev.lobbygovernor.wolf.model")
                .should().haveRawReturnType(resideInAPackage("..internal.."))
                .orShould().haveRawParameterTypes(anyElementThat(resideInAPackage("..internal..")))
                .check(WOLF);
    }

    @Test
    void everyClassLogsThroughItsOwnLogger() {
        StructureRules.classesLogThroughTheirOwnLogger().check(WOLF);
    }

    @Test
    void internalsAreUsedOnlyByTheirOwnConcernAndNoClassesFormACycle() {
        StructureRules.internalsAreUsedOnlyByTheirOwnConcern().check(WOLF);
        StructureRules.noCyclesBetweenClasses().check(WOLF);
    }
}
