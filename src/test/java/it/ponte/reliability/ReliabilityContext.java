package it.ponte.reliability;

/** The settings of the Spring context the faults and crash tests share (one context, booted once for both). */
final class ReliabilityContext {

    /** A read timeout must be seen within a test's time: the simulators' stalled answers (2.5 s) outlast these two. */
    static final String AMAZON_TIMEOUT = "ponte.amazon.client.response-timeout-ms=1500";
    static final String MAILCHIMP_TIMEOUT = "ponte.mailchimp.client.request-timeout=1500ms";
    static final String AMAZON_PAGES = "ponte.amazon.polling.page-size=50";
    static final String NO_JMX = "spring.jmx.enabled=false";
    /** The simulator creates a feed before it answers: a feed getFeeds does not list was never created. */
    static final String UNCONFIRMED_FEED_GRACE = "ponte.amazon.outbound.unconfirmed-feed-grace=0s";

    private ReliabilityContext() {
    }
}
