package it.ponte.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every call to Mailchimp goes through one HTTP endpoint, the call's path in a header. An endpoint per record's path
 * piled up in Camel's endpoint cache, and camel-http closes the connection manager of an endpoint the cache evicts:
 * after about a thousand records the pool every Mailchimp call shares was shut down and every later run failed
 * ("Connection pool shut down", found by the faults test at 2,000 orders).
 */
class MailchimpEndpointsTest extends MailchimpSyncTestBase {

    @Autowired
    CamelContext camel;

    @Test
    void recordsOfManyPathsShareOneEndpoint() {
        for (int i = 0; i < 6; i++) {
            shop.customer("cliente" + i + "@example.it", false, true);
            sandbox.putMember("cliente" + i + "@example.it", "subscribed");
            shop.product("SKU-E" + i, "10.00");
        }

        MailchimpReport report = sync("TOTAL");

        assertThat(report.counts(MailchimpEntity.CUSTOMER).created()).isEqualTo(6);
        assertThat(report.counts(MailchimpEntity.PRODUCT).created()).isEqualTo(6);
        assertThat(camel.getEndpoints().stream().map(Endpoint::getEndpointUri).filter(u -> u.contains("/sandbox/mailchimp/3.0")))
                .as("one endpoint for every Mailchimp call").hasSize(1);
    }
}
