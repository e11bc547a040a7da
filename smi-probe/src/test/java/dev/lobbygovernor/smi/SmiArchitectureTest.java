package dev.lobbygovernor.smi;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    void internalsDoNotDependOnThePublicApi() {
        slices().matching("dev.lobbygovernor.(**)").should().beFreeOfCycles().check(SMI);
    }

    @Test
    void publicPackageUsesNoOtherModulesInternals() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.smi")
                .should().dependOnClassesThat().resideInAPackage("dev.lobbygovernor.core..internal..")
                .check(SMI);
    }

    @Test
    void eachClassLogsThroughItsOwnLoggerNeverOneHandedIn() {
        fields().that().haveRawType(Logger.class).should().bePrivate().andShould().beStatic()
                .andShould().beFinal().allowEmptyShould(true).check(SMI);
        noCodeUnits().should().haveRawParameterTypes(anyElementThat(JavaClass.Predicates.equivalentTo(Logger.class)))
                .check(SMI);
        classes().should(nameTheirOwnLogger()).check(SMI);
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
