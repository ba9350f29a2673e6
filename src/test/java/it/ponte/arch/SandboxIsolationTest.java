package it.ponte.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md: production code never imports the sandbox (the Mailchimp side is checked here). */
class SandboxIsolationTest {

    @Test
    void mailchimpShopAndApiCodeNeverUsesTheSandbox() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("it.ponte.mailchimp", "it.ponte.shop", "it.ponte.api");
        noClasses().should().dependOnClassesThat().resideInAPackage("it.ponte.sandbox..").check(classes);
    }
}
