package it.ponte.api;

import it.ponte.amazon.AmazonOrderHolds;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Amazon orders held instead of imported (REST {@code /api/amazon/held}): waiting for data Amazon has not given
 * yet (e-mail, address, prices), or unreadable ({@code ERROR:} with the step and the reason); each is read again by the
 * next runs and imported once Amazon gives what was missing.
 */
@Component("amazonHeldApi")
public class AmazonHeldApi {

    private final AmazonOrderHolds holds;

    public AmazonHeldApi(AmazonOrderHolds holds) {
        this.holds = holds;
    }

    public List<AmazonOrderHolds.Held> held() {
        return holds.list();
    }
}
