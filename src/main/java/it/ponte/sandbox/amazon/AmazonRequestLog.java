package it.ponte.sandbox.amazon;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Every SP-API and LWA request the simulator received, oldest first, so tests can see what a client sent. */
@Component
@Profile("sandbox")
public class AmazonRequestLog {

    private static final int LIMIT = 10_000;

    private final List<RecordedRequest> requests = new ArrayList<>();

    public synchronized void record(RecordedRequest request) {
        if (requests.size() == LIMIT) {
            requests.remove(0);
        }
        requests.add(request);
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized List<RecordedRequest> to(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    public synchronized void clear() {
        requests.clear();
    }
}
