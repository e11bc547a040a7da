package dev.lobbygovernor.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line uses the library as a host would: through public API only. */
class ArchitectureTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lobbygovernor.cli");

    @Test
    void commandLineNeverReachesIntoAModulesInternals() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor..internal..")
                .check(CLI);
    }

    @Test
    void commandLineWritesNoLoggingBackendCode() {
        // slf4j-simple is only its runtime backend, set up through system properties
        noClasses().that().resideInAPackage("dev.lobbygovernor.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.slf4j.simple..", "ch.qos.logback..")
                .check(CLI);
    }
}
