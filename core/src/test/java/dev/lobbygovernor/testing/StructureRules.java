package dev.lobbygovernor.testing;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The structure every module keeps, as ArchUnit rules: an API package and an {@code .internal}
 * package per concern, internals used only by their own concern, and no cycles between classes.
 * Each module's architecture test checks them on its own classes; the examples module checks
 * them on all modules together.
 */
public final class StructureRules {

    /** The one internal package other concerns of core may use: the stop-verify-remove piece. */
    static final String SHARED_CORE_INTERNAL = "dev.lobbygovernor.core.runtime.internal";

    private StructureRules() {
    }

    /**
     * Top-level classes in an API package (any package of the library not under
     * {@code .internal}) are public: implementation classes live in {@code .internal}.
     *
     * @return the rule
     */
    public static ArchRule apiPackagesHoldOnlyPublicClasses() {
        return classes().that().resideInAPackage("dev.lobbygovernor..")
                .and().resideOutsideOfPackage("..internal..")
                .and().areTopLevelClasses()
                .and().doNotHaveSimpleName("package-info")
                .should().bePublic()
                .as("API packages hold no package-private classes (implementations belong in .internal)")
                .allowEmptyShould(true);
    }

    /**
     * Classes of an {@code .internal} package are used only by their own concern: the package
     * the internal package sits in, and its subpackages. Within core, every concern may use
     * {@code core.runtime.internal}.
     *
     * @return the rule
     */
    public static ArchRule internalsAreUsedOnlyByTheirOwnConcern() {
        return classes().that().resideInAPackage("dev.lobbygovernor..internal..")
                .should(new ArchCondition<JavaClass>("be used only by their own concern") {
                    @Override
                    public void check(JavaClass internal, ConditionEvents events) {
                        for (Dependency d : internal.getDirectDependenciesToSelf()) {
                            JavaClass user = d.getOriginClass();
                            if (!mayUse(user.getPackageName(), internal.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** Whether a class in {@code userPackage} may use a class in the internal package {@code internalPackage}. */
    static boolean mayUse(String userPackage, String internalPackage) {
        String concern = concernOf(internalPackage);
        if (within(userPackage, concern)) {
            return true;
        }
        return within(internalPackage, SHARED_CORE_INTERNAL) && within(userPackage, "dev.lobbygovernor.core");
    }

    /** The package an {@code .internal} package belongs to: everything before its first {@code .internal}. */
    static String concernOf(String internalPackage) {
        int at = internalPackage.indexOf(".internal");
        return at < 0 ? internalPackage : internalPackage.substring(0, at);
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /**
     * No cycles between classes: each top-level class of the library (its nested classes folded
     * in) is its own slice, so two classes that use each other fail, in one package or across.
     *
     * @return the rule
     */
    public static ArchRule noCyclesBetweenClasses() {
        return slices().assignedFrom(topLevelClasses()).should().beFreeOfCycles()
                .as("no cycles between classes of dev.lobbygovernor");
    }

    /** One slice per top-level class of the library; nested and anonymous classes join their outermost class. */
    static SliceAssignment topLevelClasses() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getName();
                if (!name.startsWith("dev.lobbygovernor.")) {
                    return SliceIdentifier.ignore();
                }
                int nested = name.indexOf('$');
                return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
            }

            @Override
            public String getDescription() {
                return "top-level classes of dev.lobbygovernor";
            }
        };
    }

    /**
     * Each class logs through its own logger: logger fields are private static final, no method
     * or constructor takes a logger, and a class that asks {@code LoggerFactory.getLogger(X.class)}
     * passes its own class as X.
     *
     * @return the rule
     */
    public static ArchRule classesLogThroughTheirOwnLogger() {
        return CompositeArchRule.of(fields().that().haveRawType(Logger.class).should().bePrivate()
                        .andShould().beStatic().andShould().beFinal().allowEmptyShould(true))
                .and(noCodeUnits().should().haveRawParameterTypes(
                        anyElementThat(JavaClass.Predicates.equivalentTo(Logger.class))).allowEmptyShould(true))
                .and(classes().should(askForTheirOwnLogger()).allowEmptyShould(true))
                .as("each class logs through its own logger");
    }

    private static ArchCondition<JavaClass> askForTheirOwnLogger() {
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

    /**
     * Every configuration of the library has one shape (resilience4j's): a final class, named
     * {@code …Config}, {@code …Limits}, {@code …Thresholds}, {@code …Settings} or
     * {@code …Policy}, with no public constructor, a static {@code builder()} and a
     * {@code toBuilder()}. Wire-model records named after a server's JSON ({@code wolf.model}'s
     * {@code VideoSettings}) are values, not configuration of the library.
     *
     * @return the rule
     */
    public static ArchRule configurationsHaveOneShape() {
        return classes().that().resideInAPackage("dev.lobbygovernor..")
                .and().resideOutsideOfPackages("..internal..", "..model..")
                .and().areTopLevelClasses()
                .and().haveNameMatching(".*(Config|Limits|Thresholds|Settings|Policy)")
                .should(new ArchCondition<JavaClass>("be final classes built by builder() and toBuilder()") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        boolean shaped = !c.isRecord() && !c.isInterface()
                                && c.getModifiers().contains(JavaModifier.FINAL)
                                && c.getConstructors().stream().noneMatch(k -> k.getModifiers().contains(JavaModifier.PUBLIC))
                                && c.getMethods().stream().anyMatch(m -> m.getName().equals("builder")
                                        && m.getModifiers().contains(JavaModifier.STATIC) && m.getRawParameterTypes().isEmpty())
                                && c.getMethods().stream().anyMatch(m -> m.getName().equals("toBuilder")
                                        && !m.getModifiers().contains(JavaModifier.STATIC) && m.getRawParameterTypes().isEmpty());
                        if (!shaped) {
                            events.add(SimpleConditionEvent.violated(c, c.getName()
                                    + " is not a final class with private constructors, builder() and toBuilder()"));
                        }
                    }
                })
                .allowEmptyShould(true);
    }
}
