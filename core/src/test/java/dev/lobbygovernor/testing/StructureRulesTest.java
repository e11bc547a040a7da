package dev.lobbygovernor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each structure rule fails on a violation planted for it, and passes where the rule allows. */
class StructureRulesTest {

    private static JavaClasses planted(String... packages) {
        return new ClassFileImporter().importPackages(packages);
    }

    @Test
    void aCycleBetweenTwoClassesOfOnePackageFails() {
        assertThatThrownBy(() -> StructureRules.noCyclesBetweenClasses().check(planted("dev.lobbygovernor.testing.planted.cycle")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Chicken").hasMessageContaining("Egg");
    }

    @Test
    void aPackagePrivateClassInAnApiPackageFails() {
        assertThatThrownBy(() -> StructureRules.apiPackagesHoldOnlyPublicClasses()
                .check(planted("dev.lobbygovernor.testing.planted.api")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Hidden");
    }

    @Test
    void anotherConcernUsingAnInternalClassFails() {
        assertThatThrownBy(() -> StructureRules.internalsAreUsedOnlyByTheirOwnConcern()
                .check(planted("dev.lobbygovernor.testing.planted.concern", "dev.lobbygovernor.testing.planted.other")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Intruder");
    }

    @Test
    void aConcernMayUseItsOwnInternals() {
        assertThatCode(() -> StructureRules.internalsAreUsedOnlyByTheirOwnConcern()
                .check(planted("dev.lobbygovernor.testing.planted.concern")))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyCoreMayShareTheRuntimeInternals() {
        assertThat(StructureRules.mayUse("dev.lobbygovernor.core.cleanup.internal", "dev.lobbygovernor.core.runtime.internal"))
                .isTrue();
        assertThat(StructureRules.mayUse("dev.lobbygovernor.core.admission.internal", "dev.lobbygovernor.core.cleanup.internal"))
                .isFalse();
        assertThat(StructureRules.mayUse("dev.lobbygovernor.wolf", "dev.lobbygovernor.core.runtime.internal")).isFalse();
        assertThat(StructureRules.mayUse("dev.lobbygovernor.wolf.model", "dev.lobbygovernor.wolf.internal")).isTrue();
    }

    @Test
    void aClassLoggingThroughAnotherClasssLoggerFails() {
        assertThatThrownBy(() -> StructureRules.classesLogThroughTheirOwnLogger()
                .check(planted("dev.lobbygovernor.testing.planted.logging")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Borrower");
    }

    @Test
    void aConfigurationThatIsARecordFails() {
        assertThatThrownBy(() -> StructureRules.configurationsHaveOneShape()
                .check(planted("dev.lobbygovernor.testing.planted.config")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("RecordConfig")
                .hasMessageNotContaining("ShapedConfig");
    }
}
