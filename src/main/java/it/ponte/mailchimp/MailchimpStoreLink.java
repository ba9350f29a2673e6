package it.ponte.mailchimp;

import it.ponte.mailchimp.MailchimpResources.Store;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes sure the e-commerce store exists, linked to the configured list and named as configured, before a run
 * writes into it. When it cannot, the run still records what it owes and writes nothing: the next run will.
 */
@Component
public class MailchimpStoreLink {

    private static final Logger log = LoggerFactory.getLogger(MailchimpStoreLink.class);

    private final MailchimpClient client;
    private final MailchimpProperties properties;

    public MailchimpStoreLink(MailchimpClient client, MailchimpProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * The {@code mailchimpStoreReady} header: false when the store cannot be written into (refused, linked to another
     * list). When Mailchimp cannot be reached at all the run is marked so and the answer is true: every owed record then
     * fails fast through the record-failure configuration, stays owed, and the run says "Mailchimp non raggiungibile".
     */
    public boolean ensure(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        String domain = properties.shopBaseUrl().replaceFirst("^https?://", "").replaceFirst("/.*$", "");
        try {
            client.ensureStore(new Store(properties.storeId(), properties.listId(), properties.storeName(), properties.currency(), "Ponte", domain));
            return true;
        } catch (MailchimpException e) {
            if (e.isUnreachable()) {
                log.warn("Mailchimp unreachable, the run leaves what it owes for the next one: {}", e.reason());
                run.unreachable();
                run.storeProblem(MailchimpVerdict.STORE_UNAVAILABLE.name() + ": " + MailchimpException.UNREACHABLE);
                return true;
            }
            log.warn("Mailchimp store {} not ready: {}", properties.storeId(), e.getMessage());
            run.storeProblem(MailchimpVerdict.STORE_UNAVAILABLE.name() + ": " + e.reason());
            return false;
        }
    }
}
