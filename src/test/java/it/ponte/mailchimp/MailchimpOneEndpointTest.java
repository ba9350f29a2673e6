package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every call to Mailchimp goes through one HTTP endpoint, whatever record it names: an endpoint per URL filled toD's
 * cache of 1,000 endpoints on a large run, and each eviction stopped an endpoint, which shut the shared connection pool
 * down ("Connection pool shut down" for every write after the 1,000th distinct URL).
 */
class MailchimpOneEndpointTest extends MailchimpSyncTestBase {

    @Autowired
    CamelContext camel;

    @Test
    void callsForDifferentRecordsShareOneEndpoint() {
        for (int i = 0; i < 3; i++) {
            shop.customer("cliente" + i + "@example.it", false, true);
            sandbox.putMember("cliente" + i + "@example.it", "subscribed");
        }

        MailchimpReport report = sync("TOTAL");

        assertThat(report.entities().get(MailchimpEntity.CUSTOMER).created()).isEqualTo(3);
        assertThat(sandbox.requests()).filteredOn(c -> c.startsWith("PUT /ecommerce/stores/")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(camel.getEndpoints().stream().map(Endpoint::getEndpointUri).filter(u -> u.contains("/sandbox/mailchimp/")))
                .as("one HTTP endpoint for every Mailchimp call").hasSize(1);
    }
}
