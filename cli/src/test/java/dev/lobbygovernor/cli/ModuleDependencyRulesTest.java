package dev.lobbygovernor.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lobbygovernor.testing.PackageSlices;
import dev.lobbygovernor.testing.StructureRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's dependency rules across modules, checked on the compiled classes of every library
 * module and the command line (this module has all of them on its classpath; examples, which
 * nothing may depend on either, is checked through the poms).
 */
class ModuleDependencyRulesTest {

    private static final String CORE = "dev.lobbygovernor.core..";
    private static final String STORE = "dev.lobbygovernor.store..";
    private static final String NVML = "dev.lobbygovernor.nvml..";
    private static final String SMI = "dev.lobbygovernor.smi..";
    private static final String SIMULATOR = "dev.lobbygovernor.wolf.sim..";
    private static final String EXAMPLES = "dev.lobbygovernor.examples..";
    private static final String CLI = "dev.lobbygovernor.cli..";
    private static final List<String> APPLICATIONS = List.of("cli", "examples");

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar")) // the test kits' jars
            .importPackages("dev.lobbygovernor");

    @Test
    void everyModuleIsOnTheClasspath() {
        for (String pkg : new String[] {"dev.lobbygovernor.core", "dev.lobbygovernor.store",
                "dev.lobbygovernor.nvml", "dev.lobbygovernor.smi", "dev.lobbygovernor.wolf",
                "dev.lobbygovernor.wolf.sim", "dev.lobbygovernor.dashboard", "dev.lobbygovernor.cli"}) {
            assertThat(ALL.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    @Test
    void coreAndStoreUseNoJnaJacksonOrHttpClient() {
        noClasses().that().resideInAnyPackage(CORE, STORE)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.sun.jna..", "com.fasterxml.jackson..", "java.net.http..")
                .check(ALL);
    }

    @Test
    void coreAndStoreDependOnNoOtherModule() {
        noClasses().that().resideInAnyPackage(CORE, STORE)
                .should().dependOnClassesThat().resideInAnyPackage(NVML, SMI, "dev.lobbygovernor.wolf..", EXAMPLES, CLI)
                .check(ALL);
    }

    @Test
    void probesAndWolfClientNeverDependOnEachOther() {
        noClasses().that().resideInAPackage(NVML)
                .should().dependOnClassesThat().resideInAnyPackage(SMI, "dev.lobbygovernor.wolf..")
                .check(ALL);
        noClasses().that().resideInAPackage(SMI)
                .should().dependOnClassesThat().resideInAnyPackage(NVML, "dev.lobbygovernor.wolf..")
                .check(ALL);
        noClasses().that().resideInAPackage("dev.lobbygovernor.wolf..")
                .and().resideOutsideOfPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAnyPackage(NVML, SMI, SIMULATOR)
                .check(ALL);
    }

    @Test
    void simulatorUsesOnlyTheWolfClientAndCore() {
        noClasses().that().resideInAPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAnyPackage(NVML, SMI, EXAMPLES, CLI)
                .check(ALL);
    }

    @Test
    void nothingDependsOnExamples() {
        noClasses().that().resideOutsideOfPackage(EXAMPLES)
                .should().dependOnClassesThat().resideInAPackage(EXAMPLES)
                .check(ALL);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage(CLI)
                .should().dependOnClassesThat().resideInAPackage(CLI)
                .check(ALL);
    }

    @Test
    void noModuleDeclaresADependencyOnTheCommandLineOrTheExamples() throws Exception {
        List<String> modules = ModulePoms.modules();
        assertThat(modules).containsAll(APPLICATIONS);
        for (String module : modules) {
            for (String application : APPLICATIONS) {
                assertThat(ModulePoms.projectDependencies(module))
                        .as("%s/pom.xml depends on %s", module, application)
                        .doesNotContain(ModulePoms.ARTIFACT_PREFIX + application);
            }
        }
    }

    @Test
    void publicPackagesNeverImportAnotherModulesInternals() {
        for (String module : new String[] {"core", "store", "nvml", "smi"}) {
            String root = "dev.lobbygovernor." + module + "..";
            noClasses().that().resideOutsideOfPackage(root)
                    .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor." + module + "..internal..")
                    .allowEmptyShould(true)
                    .check(ALL);
        }
        // wolf-client owns dev.lobbygovernor.wolf.. except the simulator's package
        noClasses().that().resideOutsideOfPackage("dev.lobbygovernor.wolf..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.wolf.internal..")
                .allowEmptyShould(true)
                .check(ALL);
        noClasses().that().resideInAPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.wolf.internal..")
                .allowEmptyShould(true)
                .check(ALL);
        noClasses().that().resideOutsideOfPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.wolf.sim..internal..")
                .allowEmptyShould(true)
                .check(ALL);
    }

    @Test
    void noPackageCyclesAnywhere() {
        slices().assignedFrom(PackageSlices.packageWithItsInternals()).should().beFreeOfCycles().check(ALL);
    }

    @Test
    void apiPackagesOfEveryPublishedModuleHoldNoPackagePrivateClasses() {
        // The command line and the examples are applications, not API: their classes may stay package-private.
        StructureRules.apiPackagesHoldOnlyPublicClasses().check(ALL.that(JavaClass.Predicates.resideOutsideOfPackages(
                "dev.lobbygovernor.cli..", "dev.lobbygovernor.examples..")));
    }

    @Test
    void everyInternalPackageIsUsedOnlyByItsOwnConcern() {
        StructureRules.internalsAreUsedOnlyByTheirOwnConcern().check(ALL);
    }

    @Test
    void noCyclesBetweenClassesAnywhere() {
        StructureRules.noCyclesBetweenClasses().check(ALL);
    }

    @Test
    void everyClassLogsThroughItsOwnLogger() {
        StructureRules.classesLogThroughTheirOwnLogger().check(ALL);
    }

    @Test
    void everyConfigurationOfEveryModuleHasOneShape() {
        StructureRules.configurationsHaveOneShape().check(ALL);
    }
}
