package it.ponte.api;

import it.ponte.amazon.AmazonOutbox;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The Amazon commands parked after repeated refusals (REST {@code /api/amazon/parked}): each names its order, Amazon's
 * last reason and the refusals counted; a retry puts it back in line for the next sync run, with a fresh set of
 * attempts. Its order stays in its pending state all along.
 */
@Component("amazonParkedApi")
public class AmazonParkedApi {

    private final AmazonOutbox outbox;
    private final ApiMessages messages;

    public AmazonParkedApi(AmazonOutbox outbox, ApiMessages messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    public List<AmazonOutbox.Entry> parked() {
        return outbox.parked();
    }

    public AmazonOutbox.Entry retry(@Header("id") String id) {
        long commandId = SyncApi.parseId(id);
        return outbox.retry(commandId).orElseThrow(() -> ApiProblem.notFound(messages.amazonNotParked(commandId)));
    }
}
