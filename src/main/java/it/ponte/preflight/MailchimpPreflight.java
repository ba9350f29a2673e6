package it.ponte.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.mailchimp.MailchimpAutomationCheck;
import it.ponte.mailchimp.MailchimpClient;
import it.ponte.mailchimp.MailchimpException;
import it.ponte.mailchimp.MailchimpProperties;
import it.ponte.mailchimp.MailchimpResources.Automation;
import it.ponte.remote.FailurePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Mailchimp half of the go-live check, one read each through the {@code mailchimp-api} route: the API key
 * ({@code GET /ping}), the list, the e-commerce store and the list it is linked to, the abandoned-cart automation
 * (a classic one is read; a Customer Journey has no API: "not verifiable", or "declared active" by the merchant).
 */
@Component
class MailchimpPreflight {

    private static final String[] AFTER_KEY = {"list", "store", "storeList", "abandonedCart"};

    private final MailchimpProperties properties;
    private final MailchimpClient client;
    private final MailchimpAutomationCheck automation;
    private final FailurePolicy policy;

    MailchimpPreflight(MailchimpProperties properties, MailchimpClient client, MailchimpAutomationCheck automation, FailurePolicy policy) {
        this.properties = properties;
        this.client = client;
        this.automation = automation;
        this.policy = policy;
    }

    List<PreflightCheck> check(PreflightTexts t) {
        List<PreflightCheck> checks = new ArrayList<>();
        if (!properties.enabled()) {
            checks.add(t.check("mailchimp.enabled", "mailchimp", t.get("preflight.mailchimp.enabled.name"), PreflightStatus.NOT_VERIFIABLE,
                    "mailchimp.disabled"));
            return checks;
        }
        PreflightCheck key = apiKey(t);
        checks.add(key);
        if (!key.ok()) {
            String why = key.status() == PreflightStatus.FAILED ? "mailchimp.needsAnswer" : "mailchimp.needsKey";
            for (String what : AFTER_KEY) {
                checks.add(t.check("mailchimp." + what, "mailchimp", t.get("preflight.mailchimp." + what + ".name", properties.listId(),
                        properties.storeId()), PreflightStatus.NOT_VERIFIABLE, why));
            }
            return checks;
        }
        checks.add(list(t));
        checks.addAll(store(t));
        checks.add(abandonedCart(t));
        return checks;
    }

    private PreflightCheck apiKey(PreflightTexts t) {
        String name = t.get("preflight.mailchimp.apiKey.name");
        if (blank(properties.apiKey())) {
            return t.check("mailchimp.apiKey", "mailchimp", name, PreflightStatus.MISSING, "mailchimp.apiKey.notConfigured");
        }
        try {
            client.ping();
            return t.check("mailchimp.apiKey", "mailchimp", name, PreflightStatus.OK, "mailchimp.apiKey.ok");
        } catch (MailchimpException e) {
            if (e.status() == 401 || e.status() == 403 && !e.isTransient()) {
                return t.check("mailchimp.apiKey", "mailchimp", name, PreflightStatus.MISSING, "mailchimp.apiKey.invalid", e.reason());
            }
            return failed("mailchimp.apiKey", name, e, t);
        }
    }

    private PreflightCheck list(PreflightTexts t) {
        String name = t.get("preflight.mailchimp.list.name", properties.listId());
        if (blank(properties.listId())) {
            return t.check("mailchimp.list", "mailchimp", name, PreflightStatus.MISSING, "mailchimp.list.notConfigured");
        }
        try {
            Optional<JsonNode> list = client.list(properties.listId());
            if (list.isEmpty()) {
                return t.check("mailchimp.list", "mailchimp", name, PreflightStatus.MISSING, "mailchimp.list.absent", properties.listId());
            }
            return t.check("mailchimp.list", "mailchimp", name, PreflightStatus.OK, "mailchimp.list.ok",
                    list.get().path("name").asText(properties.listId()), list.get().path("stats").path("member_count").asLong());
        } catch (MailchimpException e) {
            return failed("mailchimp.list", name, e, t);
        }
    }

    private List<PreflightCheck> store(PreflightTexts t) {
        String storeName = t.get("preflight.mailchimp.store.name", properties.listId(), properties.storeId());
        String linkName = t.get("preflight.mailchimp.storeList.name", properties.listId(), properties.storeId());
        if (blank(properties.storeId())) {
            return List.of(t.check("mailchimp.store", "mailchimp", storeName, PreflightStatus.MISSING, "mailchimp.store.notConfigured"),
                    t.check("mailchimp.storeList", "mailchimp", linkName, PreflightStatus.NOT_VERIFIABLE, "mailchimp.storeList.noStore"));
        }
        try {
            Optional<JsonNode> store = client.store(properties.storeId());
            if (store.isEmpty()) {
                return List.of(
                        t.check("mailchimp.store", "mailchimp", storeName, PreflightStatus.MISSING, "mailchimp.store.absent",
                                properties.storeId(), properties.listId()),
                        t.check("mailchimp.storeList", "mailchimp", linkName, PreflightStatus.NOT_VERIFIABLE, "mailchimp.storeList.noStore"));
            }
            String linkedTo = store.get().path("list_id").asText("");
            PreflightCheck exists = t.check("mailchimp.store", "mailchimp", storeName, PreflightStatus.OK, "mailchimp.store.ok",
                    properties.storeId());
            PreflightCheck link = linkedTo.equals(properties.listId())
                    ? t.check("mailchimp.storeList", "mailchimp", linkName, PreflightStatus.OK, "mailchimp.storeList.ok",
                    properties.storeId(), properties.listId())
                    : t.check("mailchimp.storeList", "mailchimp", linkName, PreflightStatus.MISSING, "mailchimp.storeList.other",
                    properties.storeId(), linkedTo, properties.listId());
            return List.of(exists, link);
        } catch (MailchimpException e) {
            return List.of(failed("mailchimp.store", storeName, e, t),
                    t.check("mailchimp.storeList", "mailchimp", linkName, PreflightStatus.NOT_VERIFIABLE, "mailchimp.storeList.noStore"));
        }
    }

    private PreflightCheck abandonedCart(PreflightTexts t) {
        String name = t.get("preflight.mailchimp.abandonedCart.name");
        String id = "mailchimp.abandonedCart";
        if (!properties.abandonedCarts().enabled()) {
            return t.check(id, "mailchimp", name, PreflightStatus.NOT_VERIFIABLE, "mailchimp.abandonedCart.off");
        }
        List<Automation> automations;
        try {
            automations = client.automations();
        } catch (MailchimpException e) {
            if (e.isTransient() || e.isUnreachable()) {
                return failed(id, name, e, t);
            }
            // refused rather than unanswered: an account without classic automations
            automations = List.of();
        }
        Optional<Automation> cart = automation.cartAutomation(automations);
        if (cart.isPresent()) {
            return "sending".equals(cart.get().status())
                    ? t.check(id, "mailchimp", name, PreflightStatus.OK, "mailchimp.abandonedCart.sending")
                    : t.check(id, "mailchimp", name, PreflightStatus.MISSING, "mailchimp.abandonedCart.notSending", cart.get().status());
        }
        return automation.declaredActive()
                ? t.check(id, "mailchimp", name, PreflightStatus.NOT_VERIFIABLE, "mailchimp.abandonedCart.declaredActive")
                : t.check(id, "mailchimp", name, PreflightStatus.NOT_VERIFIABLE, "mailchimp.abandonedCart.notVerifiable",
                MailchimpAutomationCheck.DECLARED_ACTIVE_SETTING);
    }

    private PreflightCheck failed(String id, String name, MailchimpException e, PreflightTexts t) {
        if (e.isUnreachable() || e.isTransient()) {
            return t.check(id, "mailchimp", name, PreflightStatus.FAILED, "mailchimp.noAnswer", e.reason());
        }
        return t.check(id, "mailchimp", name, PreflightStatus.FAILED, "mailchimp.refused", e.reason());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
