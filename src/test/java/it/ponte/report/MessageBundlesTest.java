package it.ponte.report;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.mailchimp.MailchimpEntity;
import it.ponte.mailchimp.MailchimpVerdict;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The merchant reads every verdict and entity in Italian and in English: no key may be missing from a bundle. */
class MessageBundlesTest {

    @Test
    void everyMailchimpVerdictAndEntityHasItsWordsInBothLanguages() throws Exception {
        for (String bundle : new String[] {"i18n/messages.properties", "i18n/messages_en.properties"}) {
            Properties words = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                words.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (MailchimpVerdict verdict : MailchimpVerdict.values()) {
                assertThat(words.getProperty("mailchimp.verdict." + verdict.name())).as(bundle + " " + verdict).isNotBlank();
            }
            for (MailchimpEntity entity : MailchimpEntity.values()) {
                assertThat(words.getProperty("mailchimp.entity." + entity.name())).as(bundle + " " + entity).isNotBlank();
            }
        }
    }
}
