package it.ponte.amazon;

import java.util.Locale;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives every Amazon account with a schedule ("Schedulazione") its own route from the
 * {@code amazon-account-schedule} template, so it imports that account alone at its own pace.
 */
@Component
public class AmazonSchedules implements CamelContextConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AmazonSchedules.class);

    private final AmazonProperties properties;

    public AmazonSchedules(AmazonProperties properties) {
        this.properties = properties;
    }

    /** hourly, daily, weekly, monthly, or a Quartz cron expression; null when the account has no schedule. */
    public static String cronOf(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            return null;
        }
        String cron = switch (schedule.trim().toLowerCase(Locale.ROOT)) {
            case "hourly" -> "0 0 * * * ?";
            case "daily" -> "0 0 6 * * ?";
            case "weekly" -> "0 0 6 ? * MON";
            case "monthly" -> "0 0 6 1 * ?";
            default -> schedule.trim();
        };
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("ponte.amazon.accounts[].schedule '" + schedule
                    + "' is neither hourly, daily, weekly, monthly nor a valid Quartz cron expression");
        }
        return cron;
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        for (AmazonProperties.Account account : properties.accounts()) {
            cronOf(account.schedule());
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        for (AmazonProperties.Account account : properties.accounts()) {
            String cron = cronOf(account.schedule());
            if (cron == null || !account.createOrders()) {
                continue;
            }
            try {
                camelContext.addRouteFromTemplate("amazon-account-schedule-" + account.id(), "amazon-account-schedule",
                        Map.of("accountId", account.id(), "cron", cron.replace(' ', '+')));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot schedule the Amazon import of account " + account.id(), e);
            }
            log.info("Amazon account {} imports on its own schedule: {}", account.id(), cron);
        }
    }
}
