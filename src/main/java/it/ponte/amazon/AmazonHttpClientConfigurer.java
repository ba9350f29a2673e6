package it.ponte.amazon;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.stereotype.Component;

/**
 * The camel-http client of the Amazon endpoints ({@code httpClientConfigurer=#amazonHttpClientConfigurer}): Apache
 * HttpClient would silently re-send after a 503 or 429 on its own, a hidden retry loop; redelivery is the
 * {@code transient-remote} route configuration's job, where the policy can be read and the circuit breaker counts it.
 */
@Component("amazonHttpClientConfigurer")
public class AmazonHttpClientConfigurer implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
    }
}
