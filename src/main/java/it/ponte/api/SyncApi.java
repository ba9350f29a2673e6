package it.ponte.api;

import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import it.ponte.sync.SyncTrigger;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Sync runs over REST: start one, list them, read one with its progress. */
@Component("syncApi")
public class SyncApi {

    private final SyncLauncher launcher;
    private final SyncRuns runs;
    private final JsonRequests requests;

    public SyncApi(SyncLauncher launcher, SyncRuns runs, JsonRequests requests) {
        this.launcher = launcher;
        this.runs = runs;
        this.requests = requests;
    }

    public ApiBodies.RunStarted start(@Body Object body) {
        ApiBodies.SyncRequest request = requests.body(body, ApiBodies.SyncRequest.class, () -> new ApiBodies.SyncRequest(null));
        String mode = request.mode() == null ? "" : request.mode().trim();
        SyncMode parsed = Arrays.stream(SyncMode.values()).filter(m -> m != SyncMode.IMPORT && m != SyncMode.MAILCHIMP && m.name().equalsIgnoreCase(mode))
                .findFirst().orElseThrow(() -> ApiProblem.badRequestKey("api.modeInvalid"));
        return ApiBodies.RunStarted.of(launcher.launch(parsed, SyncTrigger.REST, null));
    }

    public List<SyncRun> list(@Header("limit") String limit) {
        return runs.recent(boundedInt(limit, 50, 1, 500, "limit"));
    }

    public SyncRun get(@Header("id") String id) {
        return runs.find(parseId(id)).orElseThrow(() -> ApiProblem.notFound("Sincronizzazione " + id + " inesistente."));
    }

    static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequestKey("api.idInvalid", id);
        }
    }

    static int boundedInt(String value, int fallback, int min, int max, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw ApiProblem.badRequestKey("api.parameterOutOfRange", name, String.valueOf(min), String.valueOf(max));
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequestKey("api.parameterNotNumber", name, value);
        }
    }
}
