package it.ponte.mailchimp;

import it.ponte.mailchimp.MailchimpResources.Automation;
import it.ponte.shop.UnifiedCartMode;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The cart router's judge: carts go to Mailchimp only while they can do some good — unified cart mode off, and an
 * abandoned-cart automation of the list that is {@code sending}. Checked before any cart is transmitted, as the
 * manual insists. Customer Journeys are not listed by the API: then "no active automation found" is the honest answer.
 */
@Component
public class MailchimpAutomationCheck {

    static final String WORKFLOW = "abandonedCart";
    private static final Logger log = LoggerFactory.getLogger(MailchimpAutomationCheck.class);

    private final MailchimpClient client;
    private final MailchimpProperties properties;
    private final UnifiedCartMode unifiedCart;

    public MailchimpAutomationCheck(MailchimpClient client, MailchimpProperties properties, UnifiedCartMode unifiedCart) {
        this.client = client;
        this.properties = properties;
        this.unifiedCart = unifiedCart;
    }

    /** The {@code mailchimpVerdict} for the cart phase, as a {@link MailchimpVerdict} name. */
    public String verdict(@ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        if (unifiedCart.isOn()) {
            return MailchimpVerdict.UNIFIED_CART.name();
        }
        if (run.isUnreachable()) {
            return MailchimpVerdict.AUTOMATION_UNKNOWN.name();
        }
        if (!run.isStoreReady()) {
            return MailchimpVerdict.STORE_UNAVAILABLE.name();
        }
        List<Automation> automations;
        try {
            automations = client.automations();
        } catch (MailchimpException e) {
            if (e.isUnreachable()) {
                run.unreachable();
            }
            log.warn("Cannot list Mailchimp automations: {}", e.getMessage());
            return MailchimpVerdict.AUTOMATION_UNKNOWN.name();
        }
        // the one of our list (or store) wins; a sending one wins over a paused copy
        Automation cartAutomation = automations.stream()
                .filter(a -> WORKFLOW.equals(a.workflowType()))
                .filter(a -> a.listId() == null || a.listId().equals(properties.listId()))
                .max(Comparator.comparing((Automation a) -> "sending".equals(a.status())))
                .orElse(null);
        if (cartAutomation == null) {
            return MailchimpVerdict.NO_AUTOMATION.name();
        }
        run.automationStatus(cartAutomation.status());
        return "sending".equals(cartAutomation.status()) ? MailchimpVerdict.SEND.name() : MailchimpVerdict.AUTOMATION_PAUSED.name();
    }
}
