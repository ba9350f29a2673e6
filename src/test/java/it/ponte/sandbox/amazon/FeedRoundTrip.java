package it.ponte.sandbox.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** A client's round trip through the sandbox's Feeds API over real HTTP, each step asserted as it goes. */
public final class FeedRoundTrip {

    private final SandboxAmazonHttp http;
    private final String token;

    public FeedRoundTrip(SandboxAmazonHttp http, String token) {
        this.http = http;
        this.token = token;
    }

    /** createFeedDocument → PUT the XML (no token) → createFeed; the feed id. */
    public String submit(String feedType, String xml) {
        String documentId = upload(xml);
        HttpResponse<String> created = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/feeds", token, createFeedBody(feedType, documentId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return SandboxAmazonHttp.json(created).get("feedId").asText();
    }

    /** createFeedDocument and the upload of {@code xml}; the document id. */
    public String upload(String xml) {
        HttpResponse<String> document = http.spApi("POST", SandboxAmazonHttp.FEEDS + "/documents", token, documentBody());
        assertThat(document.statusCode()).as(document.body()).isEqualTo(201);
        JsonNode body = SandboxAmazonHttp.json(document);
        HttpResponse<String> put = http.upload(body.get("url").asText(), SandboxAmazonHttp.FEED_CONTENT_TYPE, xml, null);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return body.get("feedDocumentId").asText();
    }

    public JsonNode getFeed(String feedId) {
        HttpResponse<String> feed = http.spApi("GET", SandboxAmazonHttp.FEEDS + "/feeds/" + feedId, token, null);
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        return SandboxAmazonHttp.json(feed);
    }

    /** Polls until the feed is DONE or FATAL (at most {@code polls} times) and downloads its processing report. */
    public String report(String feedId, int polls) {
        JsonNode feed = getFeed(feedId);
        for (int i = 1; i < polls && !isFinal(feed); i++) {
            feed = getFeed(feedId);
        }
        assertThat(isFinal(feed)).as("feed %s after %d polls: %s", feedId, polls, feed).isTrue();
        return download(feed.get("resultFeedDocumentId").asText());
    }

    public String report(String feedId) {
        return report(feedId, 1);
    }

    /** getFeedDocument and the download of its URL, gunzipped when Amazon says GZIP. */
    public String download(String feedDocumentId) {
        HttpResponse<String> document = http.spApi("GET", SandboxAmazonHttp.FEEDS + "/documents/" + feedDocumentId, token, null);
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        JsonNode body = SandboxAmazonHttp.json(document);
        HttpResponse<byte[]> content = http.download(body.get("url").asText());
        assertThat(content.statusCode()).isEqualTo(200);
        byte[] bytes = content.body();
        if ("GZIP".equals(body.path("compressionAlgorithm").asText(null))) {
            try {
                bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static String documentBody() {
        return "{\"contentType\":\"" + SandboxAmazonHttp.FEED_CONTENT_TYPE + "\"}";
    }

    public static String createFeedBody(String feedType, String documentId) {
        return "{\"feedType\":\"" + feedType + "\",\"marketplaceIds\":[\"APJ6JRA9NG5V4\"],\"inputFeedDocumentId\":\"" + documentId + "\"}";
    }

    private static boolean isFinal(JsonNode feed) {
        String status = feed.get("processingStatus").asText();
        return status.equals("DONE") || status.equals("FATAL");
    }
}
