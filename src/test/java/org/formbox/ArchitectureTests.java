package org.formbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The features depend on each other in one direction only, and the form knowledge stays plain Java. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.formbox");

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.formbox.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void fieldCatalogueReadersAndRulesAreFreeOfFrameworks() {
        noClasses().that().resideInAnyPackage("org.formbox.forms..", "org.formbox.extraction..", "org.formbox.validation..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .check(classes);
    }

    @Test
    void onlyTheWebLayerServesHttp() {
        noClasses().that().resideOutsideOfPackage("org.formbox.web..")
                .should().beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .orShould().beAnnotatedWith(org.springframework.stereotype.Controller.class)
                .check(classes);
    }
}
