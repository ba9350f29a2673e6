package it.ponte.sandbox.amazon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ponte.sandbox.faults.RandomFaultFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The simulated Amazon's random faults ({@code PUT /sandbox/amazon/random-faults}) in front of its SP-API, LWA and feed documents. */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
class AmazonRandomFaultsConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<RandomFaultFilter> amazonRandomFaultFilter(AmazonFaults faults) {
        FilterRegistrationBean<RandomFaultFilter> registration = new FilterRegistrationBean<>(new RandomFaultFilter(faults.random(),
                AmazonRandomFaultsConfig::errorBody));
        registration.addUrlPatterns(AmazonRequestLogFilter.SP_API + "*", AmazonRequestLogFilter.LWA + "*",
                SandboxFeeds.UPLOAD_PATH + "*", SandboxFeeds.DOWNLOAD_PATH + "*");
        // after security, before the request log: a request refused here never reached the simulated Amazon
        registration.setOrder(0);
        return registration;
    }

    /** Malformed answers ({@code /sandbox/amazon/malformed-answers}) on the same calls, after the random faults. */
    @Bean
    FilterRegistrationBean<it.ponte.sandbox.faults.MalformedAnswerFilter> amazonMalformedAnswerFilter(AmazonFaults faults) {
        FilterRegistrationBean<it.ponte.sandbox.faults.MalformedAnswerFilter> registration = new FilterRegistrationBean<>(
                new it.ponte.sandbox.faults.MalformedAnswerFilter(faults.malformed()));
        registration.addUrlPatterns(AmazonRequestLogFilter.SP_API + "*", AmazonRequestLogFilter.LWA + "*",
                SandboxFeeds.UPLOAD_PATH + "*", SandboxFeeds.DOWNLOAD_PATH + "*");
        registration.setOrder(1);
        return registration;
    }

    private static String errorBody(int status) {
        try {
            return JSON.writeValueAsString(AmazonErrors.forStatus(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
