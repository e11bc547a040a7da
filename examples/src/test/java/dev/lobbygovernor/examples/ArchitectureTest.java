package dev.lobbygovernor.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The examples use the library as a host would: through public API only. */
class ArchitectureTest {

    private static final JavaClasses EXAMPLES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lobbygovernor.examples");

    @Test
    void examplesNeverReachIntoAModulesInternals() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.examples..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor..internal..")
                .check(EXAMPLES);
    }

    @Test
    void examplesWriteNoLoggingBackendCode() {
        // slf4j-simple is only the command line's runtime backend; the code speaks SLF4J at most
        noClasses().that().resideInAPackage("dev.lobbygovernor.examples..")
                .should().dependOnClassesThat().resideInAnyPackage("org.slf4j.simple..", "ch.qos.logback..")
                .check(EXAMPLES);
    }
}
