package dev.lobbygovernor.wolf.sim;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md's dependency rules for the simulator, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses SIM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lobbygovernor.wolf.sim");

    @Test
    void reachesNoOtherModulesInternals() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.wolf.sim..")
                .should().dependOnClassesThat(resideInAPackage("dev.lobbygovernor..internal..")
                        .and(not(resideInAPackage("dev.lobbygovernor.wolf.sim.internal.."))))
                .check(SIM);
    }

    @Test
    void apiPackageHoldsNoPackagePrivateClasses() {
        // the server's parts belong in .internal; the API package is what tests use
        classes().that().resideInAPackage("dev.lobbygovernor.wolf.sim")
                .and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should().bePublic()
                .check(SIM);
    }

    @Test
    void publicApiNeverReturnsOrTakesAnInternalType() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat()
                .resideInAPackage("dev.lobbygovernor.wolf.sim")
                .should().haveRawReturnType(resideInAPackage("..internal.."))
                .orShould().haveRawParameterTypes(anyElementThat(resideInAPackage("..internal..")))
                .check(SIM);
    }

    @Test
    void usesNeitherGpuProbeModuleNorAnHttpClient() {
        noClasses().that().resideInAPackage("dev.lobbygovernor.wolf.sim..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lobbygovernor.nvml..", "dev.lobbygovernor.smi..", "com.sun.jna..",
                        "java.net.http..", "dev.lobbygovernor.examples..")
                .check(SIM);
    }

    @Test
    void sharesTheClientsWireModelInsteadOfCopyingIt() {
        // a wire type here would be a second copy of dev.lobbygovernor.wolf.model
        noClasses().that().resideInAPackage("dev.lobbygovernor.wolf.sim..")
                .should().beAnnotatedWith(JsonNaming.class)
                .check(SIM);
    }

    @Test
    void everyClassLogsThroughItsOwnLogger() throws IOException {
        Pattern getLogger = Pattern.compile("LoggerFactory\\.getLogger\\(\\s*(\\w+)\\.class");
        List<String> borrowed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = getLogger.matcher(source);
                while (m.find()) {
                    if (!Pattern.compile("(class|record|enum|interface)\\s+" + m.group(1) + "\\b")
                            .matcher(source).find()) {
                        borrowed.add(file.getFileName() + " logs as " + m.group(1));
                    }
                }
            }
        }
        assertThat(borrowed).isEmpty();
    }
}
