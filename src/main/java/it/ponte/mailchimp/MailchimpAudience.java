package it.ponte.mailchimp;

import it.ponte.mailchimp.ShopRecords.ShopCart;
import it.ponte.mailchimp.ShopRecords.ShopCustomer;
import it.ponte.mailchimp.ShopRecords.ShopOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The membership router's judge: whether a record may go to Mailchimp. Orders, carts and customers go only when the
 * e-mail is a member of the linked list with a present status (ponte.mailchimp.present-statuses); orders only once
 * in the ERP and with rows; carts only of registered users. Each e-mail is looked up at most once per run, and a run
 * with many records pages through the whole list instead.
 */
@Component
public class MailchimpAudience {

    private static final Logger log = LoggerFactory.getLogger(MailchimpAudience.class);
    private static final int PAGE = 1000;

    private final MailchimpClient client;
    private final MailchimpShopReader shop;
    private final MailchimpProperties properties;

    public MailchimpAudience(MailchimpClient client, MailchimpShopReader shop, MailchimpProperties properties) {
        this.client = client;
        this.shop = shop;
        this.properties = properties;
    }

    /** Before a batch: when it would take more look-ups than a page-through, learn the whole list at once. */
    public void prepare(List<MailchimpOutboxEntry> owed, @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        if (run.isUnreachable() || run.isWholeListKnown() || owed.size() < properties.bulkMemberThreshold()) {
            return;
        }
        Map<String, String> statuses = new HashMap<>();
        int offset = 0;
        try {
            while (true) {
                MailchimpResources.MemberPage page = client.members(offset, PAGE);
                int before = statuses.size();
                page.members().forEach(m -> statuses.put(m.emailAddress().toLowerCase(java.util.Locale.ROOT), m.status()));
                if (!page.members().isEmpty() && statuses.size() == before) {
                    // a page of members all seen already: the offset is not honoured, and going on would never end
                    throw MailchimpException.malformed("list members", "la pagina all'offset " + offset
                            + " ripete membri già letti (l'offset non avanza)");
                }
                // a page longer than asked moves on by what it held: nobody is skipped, nobody read twice
                offset += page.members().size();
                if (page.members().isEmpty() || offset >= page.totalItems()) {
                    break;
                }
            }
        } catch (MailchimpException e) {
            if (!e.isUnreachable()) {
                // the page-through only saves look-ups: a page Mailchimp answered badly leaves each record to its own
                // look-up (as below the threshold), it does not end the run
                log.warn("Mailchimp list not paged through ({}): members are looked up one by one", e.reason());
                return;
            }
            // the records will find Mailchimp unreachable too, and stay owed
            log.warn("Mailchimp unreachable while paging through the list: {}", e.reason());
            run.unreachable();
            return;
        }
        log.debug("Mailchimp list paged through: {} members", statuses.size());
        run.knowWholeList(statuses);
    }

    /** The {@code mailchimpVerdict} of one owed write, as a {@link MailchimpVerdict} name. */
    public String verdict(MailchimpOutboxEntry entry, @ExchangeProperty(MailchimpRun.PROPERTY) MailchimpRun run) {
        MailchimpVerdict verdict = switch (entry.entity()) {
            case PRODUCT -> MailchimpVerdict.SEND;
            case CUSTOMER -> shop.customer(entry.entityId()).map(c -> member(c, run)).orElse(MailchimpVerdict.NOT_FOUND);
            case ORDER -> shop.order(entry.entityId()).map(o -> order(o, run)).orElse(MailchimpVerdict.NOT_FOUND);
            case CART -> entry.operation() == OutboxOperation.DELETE ? MailchimpVerdict.SEND
                    : shop.cart(entry.entityId()).map(c -> cart(c, run)).orElse(MailchimpVerdict.NOT_FOUND);
        };
        return verdict.name();
    }

    private MailchimpVerdict order(ShopOrder order, MailchimpRun run) {
        if (!MailchimpShopReader.ERP_STATUSES.contains(order.status())) {
            return MailchimpVerdict.NOT_IN_ERP;
        }
        if (order.rows().isEmpty()) {
            return MailchimpVerdict.NO_ROWS;
        }
        return shop.customer(order.customerId()).map(c -> member(c, run)).orElse(MailchimpVerdict.NOT_FOUND);
    }

    private MailchimpVerdict cart(ShopCart cart, MailchimpRun run) {
        if (cart.customerId() == null) {
            return MailchimpVerdict.UNREGISTERED;
        }
        Optional<ShopCustomer> customer = shop.customer(cart.customerId());
        if (customer.isEmpty() || !customer.get().registered()) {
            return MailchimpVerdict.UNREGISTERED;
        }
        if (cart.rows().isEmpty()) {
            return MailchimpVerdict.NO_ROWS;
        }
        return member(customer.get(), run);
    }

    private MailchimpVerdict member(ShopCustomer customer, MailchimpRun run) {
        if (customer.email() == null || customer.email().isBlank()) {
            return MailchimpVerdict.NO_EMAIL;
        }
        String status = run.memberStatus(customer.email(), client::memberStatus).orElse(null);
        return MailchimpVerdict.ofMember(status, properties);
    }
}
