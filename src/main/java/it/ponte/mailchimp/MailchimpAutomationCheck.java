package it.ponte.mailchimp;

import it.ponte.mailchimp.MailchimpResources.Automation;
import it.ponte.shop.UnifiedCartMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cart router's judge: carts go to Mailchimp only while they can do some good — unified cart mode off, and an
 * abandoned-cart automation of the list that is {@code sending}. Checked before any cart is transmitted, as the
 * manual insists. Customer Journeys are not listed by the API: without a classic automation the status is "not
 * verifiable", and carts go only when the merchant declared the automation active
 * ({@code ponte.mailchimp.abandoned-carts.declared-active}, or the shop's setting row of that name).
 */
@Component
public class MailchimpAutomationCheck {

    static final String WORKFLOW = "abandonedCart";
    /** The shop's setting row that wins over {@code ponte.mailchimp.abandoned-carts.declared-active}. */
    public static final String DECLARED_ACTIVE_SETTING = "ponte.mailchimp.abandoned-carts.declared-active";
    /** The automation status the report shows when the API cannot see it. */
    public static final String DECLARED_ACTIVE = "declared-active";
    public static final String NOT_VERIFIABLE = "not-verifiable";
    private static final Logger log = LoggerFactory.getLogger(MailchimpAutomationCheck.class);

    private final MailchimpClient client;
    private final MailchimpProperties properties;
    private final UnifiedCartMode unifiedCart;
    private final NamedParameterJdbcTemplate shopJdbc;

    public MailchimpAutomationCheck(MailchimpClient client, MailchimpProperties properties, UnifiedCartMode unifiedCart,
                                    @Qualifier("shopJdbc") NamedParameterJdbcTemplate shopJdbc) {
        this.client = client;
        this.properties = properties;
        this.unifiedCart = unifiedCart;
        this.shopJdbc = shopJdbc;
    }

    /** The merchant's declaration: the shop's setting row wins over the configured default. */
    public boolean declaredActive() {
        List<String> values = shopJdbc.queryForList("SELECT value FROM setting WHERE name = :name",
                Map.of("name", DECLARED_ACTIVE_SETTING), String.class);
        if (values.isEmpty() || values.get(0) == null) {
            return properties.abandonedCarts().declaredActive();
        }
        return Boolean.parseBoolean(values.get(0).trim());
    }

    /** No classic automation to read: the merchant's declaration decides, and the report says it was not verified. */
    private String notVerifiable(MailchimpRun run) {
        if (declaredActive()) {
            run.automationStatus(DECLARED_ACTIVE);
            return MailchimpVerdict.SEND.name();
        }
        run.automationStatus(NOT_VERIFIABLE);
        return MailchimpVerdict.NO_AUTOMATION.name();
    }

    /** The classic abandoned-cart automation of the list among {@code automations}, if there is one. */
    public java.util.Optional<Automation> cartAutomation(List<Automation> automations) {
        // the one of our list (or store) wins; a sending one wins over a paused copy
        return automations.stream()
                .filter(a -> WORKFLOW.equals(a.workflowType()))
                .filter(a -> a.listId() == null || a.listId().equals(properties.listId()))
                .max(Comparator.comparing((Automation a) -> "sending".equals(a.status())));
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
            log.warn("Cannot list Mailchimp automations: {}", e.getMessage());
            if (e.isUnreachable()) {
                run.unreachable();
                return MailchimpVerdict.AUTOMATION_UNKNOWN.name();
            }
            // refused rather than unanswered: as good as an account without classic automations
            return declaredActive() ? notVerifiable(run) : MailchimpVerdict.AUTOMATION_UNKNOWN.name();
        }
        Automation cartAutomation = cartAutomation(automations).orElse(null);
        if (cartAutomation == null) {
            return notVerifiable(run);
        }
        run.automationStatus(cartAutomation.status());
        return "sending".equals(cartAutomation.status()) ? MailchimpVerdict.SEND.name() : MailchimpVerdict.AUTOMATION_PAUSED.name();
    }
}
