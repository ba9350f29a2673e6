package it.ponte.mailchimp;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * The threads that write the owed records (the splitter of {@code routes/mailchimp-sync.camel.yaml}, thread pool
 * profile {@code mailchimpWriters}): twice the connections, so that while one writer waits for Mailchimp's answer
 * another does its reads and outbox writes and then waits for a free connection. The connection pool of
 * {@link MailchimpHttp} still bounds the calls in flight; the writers keep it full.
 */
@Component
public class MailchimpWriters implements CamelContextConfiguration {

    public static final String PROFILE = "mailchimpWriters";

    private final MailchimpProperties properties;

    public MailchimpWriters(MailchimpProperties properties) {
        this.properties = properties;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        ThreadPoolProfile profile = new ThreadPoolProfile(PROFILE);
        profile.setPoolSize(2 * properties.maxConcurrency());
        profile.setMaxPoolSize(2 * properties.maxConcurrency());
        profile.setMaxQueueSize(1000);
        camel.getExecutorServiceManager().registerThreadPoolProfile(profile);
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
    }
}
