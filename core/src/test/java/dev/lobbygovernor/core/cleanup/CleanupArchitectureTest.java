package dev.lobbygovernor.core.cleanup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The reaper stands on the runtime SPI and the store only: the governor and health packages may use it, not the reverse. */
class CleanupArchitectureTest {

    private static final JavaClasses CLEANUP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lobbygovernor.core");

    @Test
    void dependsOnNeitherTheGovernorNorHealthNorGpu() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.core.cleanup..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lobbygovernor.core.admission..", "dev.lobbygovernor.core.health..", "dev.lobbygovernor.core.gpu..")
                .check(CLEANUP);
    }

    @Test
    void startsNoThreadOutsideTheReaper() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.core.cleanup..")
                .and().doNotHaveSimpleName("LobbyReaper")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .check(CLEANUP);
    }
}
