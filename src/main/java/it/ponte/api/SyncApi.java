package it.ponte.api;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncRun;
import it.ponte.sync.SyncRuns;
import it.ponte.sync.SyncTrigger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    public Map<String, Object> start(@Body String body) {
        JsonNode request = requests.object(body);
        String mode = request.path("mode").asText("");
        SyncMode parsed = Arrays.stream(SyncMode.values()).filter(m -> m != SyncMode.IMPORT && m.name().equalsIgnoreCase(mode))
                .findFirst().orElseThrow(() -> ApiProblem.badRequest(
                        "Campo \"mode\" mancante o non valido: usare TOTAL, CHANGED o PARTIAL."));
        long runId = launcher.launch(parsed, SyncTrigger.REST, null);
        return Map.of("runId", runId, "status", "/api/sync/runs/" + runId);
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
            throw ApiProblem.badRequest("Identificativo non valido: " + id);
        }
    }

    static int boundedInt(String value, int fallback, int min, int max, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw ApiProblem.badRequest("Parametro " + name + " fuori intervallo (" + min + "–" + max + ").");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("Parametro " + name + " non numerico: " + value);
        }
    }
}
