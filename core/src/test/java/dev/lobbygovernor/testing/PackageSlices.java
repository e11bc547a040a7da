package dev.lobbygovernor.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** ArchUnit slices for the package-cycle rules every module's architecture test applies. */
public final class PackageSlices {

    private PackageSlices() {
    }

    /**
     * One slice per package under dev.lobbygovernor, its {@code .internal} subpackage included: a
     * facade constructs its implementations and they implement its SPI, which is one unit, not
     * a cycle. Cycles between packages are still caught.
     */
    public static SliceAssignment packageWithItsInternals() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (!pkg.startsWith("dev.lobbygovernor.")) {
                    return SliceIdentifier.ignore();
                }
                int internal = pkg.indexOf(".internal");
                return SliceIdentifier.of(internal < 0 ? pkg : pkg.substring(0, internal));
            }

            @Override
            public String getDescription() {
                return "packages of dev.lobbygovernor, each with its .internal subpackage";
            }
        };
    }
}
