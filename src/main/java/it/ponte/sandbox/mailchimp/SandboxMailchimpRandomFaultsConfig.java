package it.ponte.sandbox.mailchimp;

import it.ponte.sandbox.faults.RandomFaultFilter;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The simulated Mailchimp's random faults ({@code PUT /sandbox/mailchimp/random-faults}) in front of its API. */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
class SandboxMailchimpRandomFaultsConfig {

    @Bean
    FilterRegistrationBean<RandomFaultFilter> mailchimpRandomFaultFilter(SandboxMailchimpFaults faults) {
        FilterRegistrationBean<RandomFaultFilter> registration = new FilterRegistrationBean<>(new RandomFaultFilter(faults.random(),
                status -> SandboxMailchimpProblems.document(status, status == 429 ? "Too Many Requests" : status >= 500 ? "Service Unavailable" : "Error",
                        "The sandbox drew this fault at random (PUT /sandbox/mailchimp/random-faults).", List.of()).toString()));
        registration.addUrlPatterns("/sandbox/mailchimp/3.0/*");
        registration.setOrder(0);
        return registration;
    }

    /** Malformed answers ({@code /sandbox/mailchimp/malformed-answers}) on chosen calls, after the random faults. */
    @Bean
    FilterRegistrationBean<it.ponte.sandbox.faults.MalformedAnswerFilter> mailchimpMalformedAnswerFilter(SandboxMailchimpFaults faults) {
        FilterRegistrationBean<it.ponte.sandbox.faults.MalformedAnswerFilter> registration = new FilterRegistrationBean<>(
                new it.ponte.sandbox.faults.MalformedAnswerFilter(faults.malformed()));
        registration.addUrlPatterns("/sandbox/mailchimp/3.0/*");
        registration.setOrder(1);
        return registration;
    }
}
