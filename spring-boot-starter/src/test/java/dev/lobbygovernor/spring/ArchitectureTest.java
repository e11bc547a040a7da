package dev.lobbygovernor.spring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.lobbygovernor.testing.StructureRules;
import org.junit.jupiter.api.Test;

/** The starter follows the house structure: public API package, implementation in {@code .internal}. */
class ArchitectureTest {

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.lobbygovernor.spring");

    @Test
    void apiPackageHoldsOnlyPublicClasses() {
        StructureRules.apiPackagesHoldOnlyPublicClasses().check(STARTER);
    }

    @Test
    void eachClassLogsThroughItsOwnLogger() {
        StructureRules.classesLogThroughTheirOwnLogger().check(STARTER);
    }
}
