package no.webcruiteresa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.stream.Stream;
import no.webcruiteresa.application.port.CaseArchive;
import no.webcruiteresa.application.port.EntryArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arkivlova: disposal in the archive is the archive staff's, by the archive's own rules. The integration has no
 * way to delete there: the archive ports offer no such operation, the Noark 5 client sends no DELETE, and the
 * retention sweep does not even know the archive.
 */
class ArchiveIsNeverDeletedFromTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.webcruiteresa");
    }

    @Test
    void theArchivePortsHaveNoOperationThatDeletes() {
        Stream.of(CaseArchive.class, EntryArchive.class).flatMap(port -> Arrays.stream(port.getMethods()))
                .map(Method::getName)
                .forEach(name -> assertThat(name.toLowerCase()).doesNotContain("delete", "remove", "dispose", "purge"));
        assertThat(CaseArchive.class.getMethods()).isNotEmpty();
        assertThat(EntryArchive.class.getMethods()).isNotEmpty();
    }

    @Test
    void nothingSendsAnHttpDelete() {
        assertThat(classes.stream().filter(c -> c.getPackageName().equals("no.webcruiteresa.adapter.noark5")))
                .isNotEmpty();
        noClasses().should().callMethod(HttpRequest.Builder.class, "DELETE")
                .check(classes);
        // Any other verb goes through Noark5Http.patchRequest, which sends PATCH only.
        var verbs = classes.stream().flatMap(c -> c.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTarget().getOwner().isEquivalentTo(HttpRequest.Builder.class)
                        && call.getTarget().getName().equals("method"))
                .toList();
        assertThat(verbs).as("the PATCH request is built somewhere").isNotEmpty();
        assertThat(verbs).allSatisfy(call -> assertThat(call.getOrigin().getName()).isEqualTo("patchRequest"));
    }

    @Test
    void theRetentionSweepKnowsNoArchive() {
        assertThat(classes.contain("no.webcruiteresa.application.SweepRetention")).isTrue();
        noClasses().that().haveSimpleNameStartingWith("SweepRetention").or().haveSimpleName("PageSweep")
                .or().haveSimpleNameStartingWith("S3RetentionStore").or().haveSimpleName("RetentionConfiguration")
                .should().dependOnClassesThat().resideInAPackage("no.webcruiteresa.adapter.noark5..")
                .orShould().dependOnClassesThat().belongToAnyOf(CaseArchive.class, EntryArchive.class)
                .check(classes);
    }
}
