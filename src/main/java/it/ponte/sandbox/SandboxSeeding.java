package it.ponte.sandbox;

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

    public SandboxSeeding(SandboxShopSeeder shopSeeder, AmazonSandbox amazon, AmazonSandboxProperties properties,
                          @Value("${ponte.sandbox.shop.seed.enabled:true}") boolean seedShop) {
        this.shopSeeder = shopSeeder;
        this.amazon = amazon;
        this.properties = properties;
        this.seedShop = seedShop;
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
        }
    }
}
