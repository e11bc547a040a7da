package dev.lobbygovernor.nvml;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        fields().that().haveRawType(Logger.class).should().bePrivate().andShould().beStatic()
                .andShould().beFinal().allowEmptyShould(true).check(NVML);
        noCodeUnits().should().haveRawParameterTypes(anyElementThat(JavaClass.Predicates.equivalentTo(Logger.class)))
                .check(NVML);
        classes().should(nameTheirOwnLogger()).check(NVML);
    }

    /** A class that asks {@code LoggerFactory.getLogger(X.class)} passes its own class as X. */
    private static ArchCondition<JavaClass> nameTheirOwnLogger() {
        return new ArchCondition<>("ask LoggerFactory for a logger of their own class") {
            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                owner.getCodeUnits().forEach(unit -> {
                    boolean asks = unit.getMethodCallsFromSelf().stream().anyMatch(call ->
                            call.getTargetOwner().isEquivalentTo(LoggerFactory.class)
                                    && call.getName().equals("getLogger")
                                    && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(Class.class));
                    if (asks && unit.getReferencedClassObjects().stream()
                            .noneMatch(ref -> ref.getRawType().equals(owner))) {
                        events.add(SimpleConditionEvent.violated(owner, owner.getName()
                                + " asks LoggerFactory for another class's logger in " + unit.getFullName()));
                    }
                });
            }
        };
    }
}
