package it.ponte.api;

import static org.assertj.core.api.Assertions.assertThat;

import it.ponte.Http;
import it.ponte.PonteIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every error is a problem document, Italian by default and English on Accept-Language: en, whoever produced it. */
class ErrorDocumentsTest extends PonteIntegrationTest {

    @Test
    void anUnknownPathIsA404ProblemDocument() {
        HttpResponse<String> answer = Http.get(baseUrl() + "/api/nessuna-risorsa");

        assertProblem(answer, 404);
        assertThat(answer.body()).contains("non trovata");
    }

    @Test
    void aWrongMethodIsA405ProblemDocument() {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sync/runs"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertProblem(answer, 405);
    }

    @Test
    void aMalformedRequestLineIsA400ProblemDocumentInEnglishWhenAsked() {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/orders?limit=abc"))
                .header("Accept-Language", "en").GET().build());

        assertProblem(answer, 400);
    }

    @Test
    void englishOnAcceptLanguageEn() {
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/nessuna-risorsa"))
                .header("Accept-Language", "en").GET().build());

        assertProblem(answer, 404);
        assertThat(answer.body()).contains("Not found");
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + status).doesNotContain("Exception").doesNotContain("at it.ponte");
    }
}
