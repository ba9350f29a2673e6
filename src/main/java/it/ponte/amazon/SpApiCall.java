package it.ponte.amazon;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One call to Amazon as the {@code amazon-api} route sends it (exchange property {@value #PROPERTY}): the account,
 * the operation, the method, where it goes (origin for the {@code toD}, raw path and already-encoded query as
 * camel-http's path and query headers), and the body. The call outlives the HTTP producer replacing the message body,
 * so a redelivery sends the same request again. Presigned transfers (feed document upload and download) carry their
 * own signature: no token, no pacing.
 */
public final class SpApiCall {

    public static final String PROPERTY = "spApiCall";
    public static final String JSON = "application/json";

    private final AmazonProperties.Account account;
    private final SpApiOperation operation;
    private final String operationName;
    private final String method;
    private final String origin;
    private final String path;
    private final String query;
    private final String body;
    private final String contentType;
    private final boolean presigned;
    /** Set once Amazon refused the cached token of this call and a fresh one was asked for. */
    private final AtomicBoolean tokenRenewed = new AtomicBoolean();

    private SpApiCall(AmazonProperties.Account account, SpApiOperation operation, String operationName, String method, URI target,
                      String query, String body, String contentType, boolean presigned) {
        this.account = account;
        this.operation = operation;
        this.operationName = operationName;
        this.method = method;
        this.origin = target.getScheme() + "://" + target.getRawAuthority();
        this.path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        this.query = query == null || query.isEmpty() ? null : query;
        this.body = body;
        this.contentType = contentType;
        this.presigned = presigned;
    }

    /** An SP-API operation of the account's regional endpoint; {@code jsonBody} null for a GET. */
    public static SpApiCall api(AmazonProperties.Account account, SpApiOperation operation, String method, String path,
                                Map<String, List<String>> query, String jsonBody) {
        URI endpoint = URI.create(stripSlash(account.endpoint()) + path);
        return new SpApiCall(account, operation, operation.operationId(), method, endpoint, queryString(query), jsonBody,
                jsonBody == null ? null : JSON, false);
    }

    /**
     * A transfer to or from a presigned URL that Amazon gave in an answer ({@code createFeedDocument},
     * {@code getFeedDocument}). A URL that is not absolute http(s) is an answer Ponte cannot use: refused here, for
     * the record it belongs to, before anything is sent.
     */
    public static SpApiCall presigned(AmazonProperties.Account account, String operationName, String method, String url,
                                      String body, String contentType) {
        URI target;
        try {
            target = url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            target = null;
        }
        if (target == null || !target.isAbsolute() || target.getRawAuthority() == null
                || !("https".equalsIgnoreCase(target.getScheme()) || "http".equalsIgnoreCase(target.getScheme()))) {
            throw new SpApiException(account.id(), operationName, 0, "InvalidAnswer",
                    "Amazon answered a document url that is not an absolute http(s) URL (" + withoutQuery(url) + ")",
                    it.ponte.remote.FailureClass.PERMANENT, null, null);
        }
        return new SpApiCall(account, null, operationName, method, target, target.getRawQuery(), body, contentType, true);
    }

    /** Query string with every value encoded: timestamps carry '+' and tokens carry '/', '+' and '='. */
    public static String queryString(Map<String, List<String>> query) {
        return query.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
                .map(e -> encode(e.getKey()) + "=" + encode(String.join(",", e.getValue())))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public AmazonProperties.Account account() {
        return account;
    }

    public String accountId() {
        return account.id();
    }

    /** Null for presigned transfers, which Amazon does not meter per operation. */
    public SpApiOperation operation() {
        return operation;
    }

    public String operationName() {
        return operationName;
    }

    public String method() {
        return method;
    }

    /** scheme://host[:port], the uri of the {@code toD}: one endpoint per host. */
    public String getOrigin() {
        return origin;
    }

    public String path() {
        return path;
    }

    public String query() {
        return query;
    }

    public String body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }

    public boolean isPresigned() {
        return presigned;
    }

    /** True the first time only: Amazon refused this call's token, a fresh one is worth one more try. */
    boolean renewTokenOnce() {
        return tokenRenewed.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "SpApiCall[" + operationName + " " + method + " " + origin + path + ", account=" + account.id() + "]";
    }

    private static String withoutQuery(String url) {
        if (url == null) {
            return "none";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
