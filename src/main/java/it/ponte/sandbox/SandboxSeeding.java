package it.ponte.sandbox;

import it.ponte.sandbox.mailchimp.SandboxMailchimpState;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import it.ponte.sandbox.amazon.AmazonOrderSeeder;
import it.ponte.sandbox.amazon.AmazonSandbox;
import it.ponte.sandbox.amazon.AmazonSandboxProperties;
import it.ponte.sandbox.amazon.NewOrder;
import it.ponte.sandbox.shop.SandboxShopSeeder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Stages the demo once every bean exists and before anything starts polling: the shop (only when it has no
 * customers yet) and then the simulated Amazon's orders (in memory, so on every start, with stable ids).
 */
@Component
@Profile("sandbox")
public class SandboxSeeding implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SandboxSeeding.class);

    private final SandboxShopSeeder shopSeeder;
    private final AmazonSandbox amazon;
    private final AmazonSandboxProperties properties;
    private final boolean seedShop;
    private final SandboxMailchimpState mailchimp;
    private final boolean seedMembers;
    private final NamedParameterJdbcTemplate shopJdbc;

    public SandboxSeeding(SandboxShopSeeder shopSeeder, AmazonSandbox amazon, AmazonSandboxProperties properties,
                          @Value("${ponte.sandbox.shop.seed.enabled:true}") boolean seedShop, SandboxMailchimpState mailchimp,
                          @Value("${ponte.sandbox.mailchimp.seed-members:false}") boolean seedMembers,
                          @Qualifier("shopJdbc") NamedParameterJdbcTemplate shopJdbc) {
        this.shopSeeder = shopSeeder;
        this.amazon = amazon;
        this.properties = properties;
        this.seedShop = seedShop;
        this.mailchimp = mailchimp;
        this.seedMembers = seedMembers;
        this.shopJdbc = shopJdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (seedShop) {
            shopSeeder.seedIfEmpty();
        }
        int count = properties.seed().orders();
        if (count > 0) {
            List<NewOrder> orders = new AmazonOrderSeeder(properties.seed().randomSeed())
                    .generate(count, amazon.defaultSellerId(), amazon.clock().now());
            orders.forEach(amazon::addOrder);
            log.info("Sandbox Amazon seeded with {} orders for seller {}", count, amazon.defaultSellerId());
            if (seedMembers) {
                // every other Amazon buyer has joined the newsletter: their orders reach Mailchimp, the others' do not
                for (int i = 0; i < orders.size(); i += 2) {
                    mailchimp.putMember(orders.get(i).buyerEmail(), "subscribed");
                }
            }
        }
        if (seedMembers) {
            // the shop's customers who gave their marketing consent are in the linked list (their carts and orders go)
            shopJdbc.queryForList("SELECT email FROM customer WHERE marketing_consent", java.util.Map.of(), String.class)
                    .forEach(email -> mailchimp.putMember(email, "subscribed"));
            log.info("Sandbox Mailchimp list seeded with the demo's members");
        }
    }
}
