package org.formbox.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ValidationBoundaryTests {

    @Test
    void staysPlainJava() {
        JavaClasses validation = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.formbox.validation");

        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
                .check(validation);
    }
}
