package no.webcruiteresa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The hexagon's walls: rules know no framework, use cases know only ports, adapters never reach into functions. */
class DependencyRulesTest {
    private static final String ROOT = "no.webcruiteresa";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "application", "application.port", "adapter.drop", "adapter.noark5", "adapter.sqs",
            "adapter.secrets", "adapter.metrics", "functions"})
    void everyPackageTheRulesNameHasClasses(String subPackage) {
        assertThat(classes.stream().filter(c -> c.getPackageName().equals(ROOT + "." + subPackage)))
                .as("a rule about %s checks something", subPackage).isNotEmpty();
    }

    @Test
    void domainDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage(ROOT + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".domain..", "java..")
                .check(classes);
    }

    @Test
    void applicationDependsOnlyOnTheDomainAndItsPorts() {
        classes().that().resideInAPackage(ROOT + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".application..", ROOT + ".domain..",
                        "java..")
                .check(classes);
    }

    @Test
    void adaptersNeverDependOnTheFunctionsOrOnEachOther() {
        noClasses().that().resideInAPackage(ROOT + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".functions..").check(classes);
        // Each adapter stands alone; the function beans wire them together.
        slices().matching(ROOT + ".adapter.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void onlyTheFunctionsKnowSpring() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".functions..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..").check(classes);
    }
}
