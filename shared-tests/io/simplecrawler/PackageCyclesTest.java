package io.simplecrawler;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * No package of a module depends on itself through others: each package, the module's root
 * package included, is a slice, and the slices must form no cycle. Compiled into the tests of
 * every module that declares the build-helper plugin (see the parent pom), and run on that
 * module's own main classes only. Run it with {@code -Dtest=PackageCyclesTest}.
 */
@AnalyzeClasses(packages = "io.simplecrawler", importOptions = PackageCyclesTest.ThisModule.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("io.simplecrawler.(**)").should().beFreeOfCycles();

    /** The module's main classes: the folder next to the one this test was compiled into, not its dependencies or tests. */
    static final class ThisModule implements ImportOption {
        private static final String MAIN_CLASSES = mainClasses();

        @Override
        public boolean includes(Location location) {
            // a class in a jar has an opaque URI, with no path
            String path = location.asURI().getPath();
            return path != null && path.startsWith(MAIN_CLASSES);
        }

        private static String mainClasses() {
            try {
                Path testClasses = Path.of(PackageCyclesTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                return testClasses.resolveSibling("classes").toUri().getPath();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
