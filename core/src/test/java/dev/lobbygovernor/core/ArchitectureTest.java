package dev.lobbygovernor.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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
        slices().assignedFrom(PACKAGE_WITH_ITS_INTERNALS).should().beFreeOfCycles().check(CORE);
    }

    /**
     * One slice per package under dev.lobbygovernor, its {@code .internal} subpackage included: a
     * facade constructs its implementations and they implement its SPI, which is one unit, not
     * a cycle. Cycles between packages are still caught.
     */
    private static final SliceAssignment PACKAGE_WITH_ITS_INTERNALS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith("dev.lobbygovernor.")) {
                return SliceIdentifier.ignore();
            }
            int internal = pkg.indexOf(".internal");
            return SliceIdentifier.of(internal < 0 ? pkg : pkg.substring(0, internal));
        }

        @Override
        public String getDescription() {
            return "packages of dev.lobbygovernor, each with its .internal subpackage";
        }
    };

    @Test
    void publicPackagesDoNotReachIntoAnotherModulesInternals() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.core..")
                .and().resideOutsideOfPackage("dev.lobbygovernor.core..internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.store..internal..")
                .check(CORE);
    }
}
