package dev.lobbygovernor.nvml;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lobbygovernor.testing.StructureRules;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** DESIGN.md's dependency rules, as they apply to this module. */
class NvmlArchitectureTest {

    // Only this module's compiled classes: scanning the whole classpath for the package is slow.
    private static final JavaClasses NVML = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(mainClasses());

    private static Path mainClasses() {
        try {
            return Path.of(NvmlGpuProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void dependsOnCoreButNeverOnTheOtherProbesOrTheWolfClient() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "dev.lobbygovernor.smi..", "dev.lobbygovernor.wolf..", "dev.lobbygovernor.examples..")
                .check(NVML);
    }

    @Test
    void neverTouchesLobbyCredentialsSoNoPinCanReachItsLogsOrErrors() {
        // The PIN type lives in the store SPI; a GPU probe has no business with it.
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.store..").check(NVML);
    }

    @Test
    void usesOnlyCorePublicPackagesNotCoreInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.core..internal..")
                .check(NVML);
    }

    @Test
    void internalsDoNotReachBackIntoThePublicPackage() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.nvml.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.nvml")
                .check(NVML);
    }

    @Test
    void publicApiNeverReturnsOrTakesAnInternalType() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.lobbygovernor.nvml")
                .should().haveRawReturnType(resideInAPackage("..internal.."))
                .orShould().haveRawParameterTypes(anyElementThat(resideInAPackage("..internal..")))
                .check(NVML);
    }

    @Test
    void publishedCodeUsesNoLoggingBackend() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "org.apache.logging..")
                .check(NVML);
    }

    @Test
    void eachClassLogsThroughItsOwnLoggerNeverOneHandedIn() {
        StructureRules.classesLogThroughTheirOwnLogger().check(NVML);
    }
}
