package it.ponte.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: mail leaves through the smtp endpoint of the report routes (camel-mail), never through a hand-made sender;
 * only the sandbox's local SMTP server touches Jakarta Mail itself.
 */
class MailOnCamelTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("it.ponte");

    @Test
    void noProductionCodeOutsideTheSandboxSendsMailItself() {
        noClasses().that().resideOutsideOfPackage("it.ponte.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.mail..", "jakarta.mail..", "javax.mail..")
                .because("reports go out through the smtp endpoint of routes/report.camel.yaml")
                .check(PRODUCTION);
    }

    @Test
    void theReportDependsOnThePhasesItReportsNeverTheOtherWayRound() {
        noClasses().that().resideInAnyPackage("it.ponte.amazon..", "it.ponte.erp..", "it.ponte.mailchimp..", "it.ponte.sync..", "it.ponte.shop..")
                .should().dependOnClassesThat().resideInAPackage("it.ponte.report..")
                .check(PRODUCTION);
    }
}
