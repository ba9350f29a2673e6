package it.ponte.remote;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * The camel-http client of every remote's endpoints ({@code httpClientConfigurer=#noHiddenRetries}): Apache HttpClient
 * would silently re-send after a 503 or 429 on its own, a hidden retry loop; redelivery is the {@code transient-remote}
 * route configuration's job, where the policy can be read and the circuit breaker counts it.
 */
@Component("noHiddenRetries")
public class NoHiddenRetries implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
    }
}
