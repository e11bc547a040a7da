package dev.lobbygovernor.wolf.sim;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lobbygovernor.testing.StructureRules;
import org.junit.jupiter.api.Test;

/** DESIGN.md's dependency rules for the simulator, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses SIM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lobbygovernor.wolf.sim");

    @Test
    void reachesNoOtherModulesInternals() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.wolf.sim..")
                .should().dependOnClassesThat(resideInAPackage("dev.lobbygovernor..internal..")
                        .and(not(resideInAPackage("dev.lobbygovernor.wolf.sim.internal.."))))
                .check(SIM);
    }

    @Test
    void apiPackageHoldsNoPackagePrivateClasses() {
        StructureRules.apiPackagesHoldOnlyPublicClasses().check(SIM);
    }

    @Test
    void publicApiNeverReturnsOrTakesAnInternalType() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat()
                .resideInAPackage("dev.lobbygovernor.wolf.sim")
                .should().haveRawReturnType(resideInAPackage("..internal.."))
                .orShould().haveRawParameterTypes(anyElementThat(resideInAPackage("..internal..")))
                .check(SIM);
    }

    @Test
    void usesNeitherGpuProbeModuleNorAnHttpClient() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.wolf.sim..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lobbygovernor.nvml..", "dev.lobbygovernor.smi..", "com.sun.jna..",
                        "java.net.http..", "dev.lobbygovernor.examples..")
                .check(SIM);
    }

    @Test
    void sharesTheClientsWireModelInsteadOfCopyingIt() {
        // a wire type here would be a second copy of dev.lobbygovernor.wolf.model
        noClasses().that().resideInAPackage("dev.lobbygovernor.wolf.sim..")
                .should().beAnnotatedWith(JsonNaming.class)
                .check(SIM);
    }

    @Test
    void everyClassLogsThroughItsOwnLogger() {
        StructureRules.classesLogThroughTheirOwnLogger().check(SIM);
    }

    @Test
    void internalsAreUsedOnlyByTheirOwnConcernAndNoClassesFormACycle() {
        StructureRules.internalsAreUsedOnlyByTheirOwnConcern().check(SIM);
        StructureRules.noCyclesBetweenClasses().check(SIM);
    }
}
