package it.ponte.preflight;

import it.ponte.security.ProblemResponses;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The go-live check ({@code POST /api/preflight}, ADMIN): before Ponte goes live, every piece of its configuration is
 * tried once and named in the merchant's words when it is missing: the Amazon accounts (token, order search per
 * marketplace, personal data), Mailchimp (key, list, store and its list, abandoned-cart automation), the SMTP server,
 * both databases and their migrations, the schedules. It spends at most one call per remote operation and never waits
 * for Amazon's rate budget. Italian by default, English on {@code Accept-Language: en}.
 */
@Component("preflight")
public class Preflight {

    private static final Logger log = LoggerFactory.getLogger(Preflight.class);

    private final AmazonPreflight amazon;
    private final MailchimpPreflight mailchimp;
    private final SystemPreflight system;
    private final MessageSource bundles;
    private final ProblemResponses languages;
    private final Clock clock;

    Preflight(AmazonPreflight amazon, MailchimpPreflight mailchimp, SystemPreflight system, MessageSource bundles,
              ProblemResponses languages, Clock clock) {
        this.amazon = amazon;
        this.mailchimp = mailchimp;
        this.system = system;
        this.bundles = bundles;
        this.languages = languages;
        this.clock = clock;
    }

    /** The REST verb's bean step: the language from the caller's {@code Accept-Language}. */
    public PreflightReport check(@Header("Accept-Language") String acceptLanguage) {
        PreflightTexts texts = new PreflightTexts(bundles, languages.locale(acceptLanguage));
        List<PreflightCheck> checks = new ArrayList<>();
        checks.addAll(amazon.check(texts));
        checks.addAll(mailchimp.check(texts));
        checks.addAll(system.check(texts));
        PreflightReport report = PreflightReport.of(clock.instant(), checks);
        Map<PreflightStatus, String> byStatus = checks.stream().filter(c -> !c.ok()).collect(Collectors.groupingBy(
                PreflightCheck::status, TreeMap::new, Collectors.mapping(PreflightCheck::id, Collectors.joining(", "))));
        log.info("Go-live check: {} of {} checks OK{}{}", checks.stream().filter(PreflightCheck::ok).count(), checks.size(),
                byStatus.isEmpty() ? "" : "; ", byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining("; ")));
        return report;
    }
}
