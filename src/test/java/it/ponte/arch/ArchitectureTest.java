package it.ponte.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape DESIGN.md and the design card ask for, checked on the production classes: remote calls go out through
 * camel-http routes and mail through camel-mail, never through a client of our own; the packages depend one way.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("it.ponte");
    }

    @Test
    void noHandWrittenHttpClientOutsideTheSandbox() {
        noClasses().that().resideOutsideOfPackage("it.ponte.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "org.apache.http..", "okhttp3..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.hc.client5.http.classic.HttpClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.hc.client5.http.impl.classic.CloseableHttpClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.hc.client5.http.impl.classic.HttpClients")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestTemplate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.reactive.function.client.WebClient")
                .because("every call to Amazon and Mailchimp goes out through the camel-http routes (amazon-api, mailchimp-api)")
                .check(production);
    }

    @Test
    void noMailSentByHandOutsideTheSandbox() {
        noClasses().that().resideOutsideOfPackage("it.ponte.sandbox..")
                .and().doNotHaveFullyQualifiedName("it.ponte.preflight.SystemPreflight")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.mail..", "jakarta.mail..", "javax.mail..")
                .because("the run report goes out through the smtp: endpoint of the report route (camel-mail)")
                .check(production);
        // the go-live check logs in to the SMTP server to prove the credentials, and sends nothing
        noClasses().that().resideOutsideOfPackage("it.ponte.sandbox..")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching("send.*"))
                        .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo("jakarta.mail.Transport")))))
                .because("no mail leaves but through camel-mail")
                .check(production);
    }

    @Test
    void productionCodeNeverUsesTheSandbox() {
        noClasses().that().resideOutsideOfPackage("it.ponte.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("it.ponte.sandbox..")
                .check(production);
    }

    @Test
    void packagesDependOneWay() {
        slices().matching("it.ponte.(*)..").should().beFreeOfCycles().check(production);
    }
}
