package it.ponte.amazon;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;

/**
 * Feeds API 2021-06-30: a feed document is created, its XML uploaded to the presigned URL, the feed created,
 * polled, and its processing report downloaded. The presigned URLs carry their own signature: no token on them.
 */
@Component
public class AmazonFeedsApi {

    static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    private final SpApiClient client;
    private final HttpClient http;
    private final ObjectMapper json;
    private final AmazonProperties properties;

    public AmazonFeedsApi(SpApiClient client, HttpClient amazonHttpClient, ObjectMapper json, AmazonProperties properties) {
        this.client = client;
        this.http = amazonHttpClient;
        this.json = json;
        this.properties = properties;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FeedDocument(String feedDocumentId, String url, String compressionAlgorithm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feed(String feedId, String feedType, String processingStatus, String resultFeedDocumentId) {
    }

    /** Uploads the XML and creates the feed; the answer is the feed id and the document id. */
    public Feed submit(AmazonProperties.Account account, String feedType, String xml) {
        FeedDocument document = read(account, "createFeedDocument", client.post(account, SpApiOperation.CREATE_FEED_DOCUMENT,
                "/feeds/2021-06-30/documents", write(Map.of("contentType", CONTENT_TYPE))), FeedDocument.class);
        upload(account, document.url(), xml);
        Map<String, Object> spec = Map.of("feedType", feedType, "marketplaceIds", account.marketplaces(),
                "inputFeedDocumentId", document.feedDocumentId());
        Feed created = read(account, "createFeed", client.post(account, SpApiOperation.CREATE_FEED, "/feeds/2021-06-30/feeds", write(spec)),
                Feed.class);
        return new Feed(created.feedId(), feedType, "IN_QUEUE", null);
    }

    public Feed getFeed(AmazonProperties.Account account, String feedId) {
        return read(account, "getFeed", client.get(account, SpApiOperation.GET_FEED,
                "/feeds/2021-06-30/feeds/" + URLEncoder.encode(feedId, StandardCharsets.UTF_8), Map.of()), Feed.class);
    }

    /** The processing report of a finished feed, as XML text. */
    public String processingReport(AmazonProperties.Account account, String resultFeedDocumentId) {
        FeedDocument document = read(account, "getFeedDocument", client.get(account, SpApiOperation.GET_FEED_DOCUMENT,
                "/feeds/2021-06-30/documents/" + URLEncoder.encode(resultFeedDocumentId, StandardCharsets.UTF_8), Map.of()),
                FeedDocument.class);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(document.url()))
                    .timeout(properties.client().requestTimeout()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new SpApiException(account.id(), "getFeedDocument download", response.statusCode(), null,
                        "processing report download failed", response.statusCode() >= 500, null);
            }
            byte[] bytes = response.body();
            if ("GZIP".equals(document.compressionAlgorithm())) {
                bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpApiException(account.id(), "getFeedDocument download", 0, "IOError", e.toString(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException(account.id(), "getFeedDocument download", 0, "Interrupted", "interrupted", true, e);
        }
    }

    private void upload(AmazonProperties.Account account, String url, String xml) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(properties.client().requestTimeout()).header("Content-Type", CONTENT_TYPE)
                    .PUT(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SpApiException(account.id(), "feed document upload", response.statusCode(), null, "upload refused",
                        response.statusCode() >= 500, null);
            }
        } catch (IOException e) {
            throw new SpApiException(account.id(), "feed document upload", 0, "IOError", e.toString(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpApiException(account.id(), "feed document upload", 0, "Interrupted", "interrupted", true, e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(AmazonProperties.Account account, String operation, SpApiClient.Answer answer, Class<T> type) {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new SpApiException(account.id(), operation, answer.status(), "UnreadableResponse", e.getMessage(), false, e);
        }
    }
}
