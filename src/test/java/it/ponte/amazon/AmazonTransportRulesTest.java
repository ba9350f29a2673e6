package it.ponte.amazon;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Issue 7: every call to Amazon goes out through camel-http from the amazon-api routes; no hand-written client is left. */
class AmazonTransportRulesTest {

    private final JavaClasses amazon = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("it.ponte.amazon");

    @Test
    void amazonCodeHasNoHttpClientOfItsOwn() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "org.springframework.web.client..",
                "org.springframework.web.reactive.function.client..").check(amazon);
    }

    @Test
    void amazonCodeSendsNothingThroughApacheHttpClientDirectly() {
        // configuring camel-http's client builder is allowed; executing requests on it is not
        noClasses().should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching("execute.*"))
                .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("org.apache.hc..")))))
                .check(amazon);
    }

    @Test
    void amazonCodeNeverUsesTheSandbox() {
        noClasses().should().dependOnClassesThat().resideInAPackage("it.ponte.sandbox..").check(amazon);
    }
}
