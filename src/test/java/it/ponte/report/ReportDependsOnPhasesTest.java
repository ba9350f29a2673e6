package it.ponte.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: the report is built from what the phases report, never the other way round. (That mail leaves only through
 * the smtp endpoint of the report routes is ArchitectureTest's rule.)
 */
class ReportDependsOnPhasesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("it.ponte");

    @Test
    void theReportDependsOnThePhasesItReportsNeverTheOtherWayRound() {
        noClasses().that().resideInAnyPackage("it.ponte.amazon..", "it.ponte.erp..", "it.ponte.mailchimp..", "it.ponte.sync..", "it.ponte.shop..")
                .should().dependOnClassesThat().resideInAPackage("it.ponte.report..")
                .check(PRODUCTION);
    }
}
