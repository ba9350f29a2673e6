package it.ponte.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks HTTP exchanges against one of Amazon's published SP-API models (the trimmed copies in
 * {@code src/test/resources/contract/}), with Atlassian's swagger-request-validator. Every check is at error
 * level, including properties the model does not define: nothing is whitelisted.
 */
public final class AmazonContract {

    public static final String SANDBOX_BASE_PATH = "/sandbox/amazon/sp-api";

    private static AmazonContract orders;
    private static AmazonContract feeds;
    private static AmazonContract ordersV0;

    private final OpenApiInteractionValidator validator;

    private AmazonContract(String classpathModel, String basePath) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(read(classpathModel))
                .withBasePathOverride(basePath)
                .withLevelResolver(LevelResolver.create().build())
                .build();
    }

    /** Orders API 2026-01-01, served under the sandbox's base path. */
    public static synchronized AmazonContract orders() {
        if (orders == null) {
            orders = new AmazonContract("contract/orders_2026-01-01.json", SANDBOX_BASE_PATH);
        }
        return orders;
    }

    /** Feeds API 2021-06-30 (createFeedDocument, createFeed, getFeed, getFeedDocument), served under the sandbox's base path. */
    public static synchronized AmazonContract feeds() {
        if (feeds == null) {
            feeds = new AmazonContract("contract/feeds_2021-06-30.json", SANDBOX_BASE_PATH);
        }
        return feeds;
    }

    /** Orders API v0, its confirmShipment operation only, served under the sandbox's base path. */
    public static synchronized AmazonContract ordersV0() {
        if (ordersV0 == null) {
            ordersV0 = new AmazonContract("contract/ordersV0_confirmShipment.json", SANDBOX_BASE_PATH);
        }
        return ordersV0;
    }

    public static AmazonContract of(String classpathModel, String basePath) {
        return new AmazonContract(classpathModel, basePath);
    }

    public ValidationReport validateRequest(String method, URI uri, Map<String, List<String>> headers) {
        return validator.validateRequest(request(method, uri, headers, null));
    }

    public ValidationReport validateRequest(String method, URI uri, Map<String, List<String>> headers, String body) {
        return validator.validateRequest(request(method, uri, headers, body));
    }

    public ValidationReport validate(String method, URI uri, Map<String, List<String>> requestHeaders,
                                     int status, Map<String, List<String>> responseHeaders, String body) {
        return validate(method, uri, requestHeaders, null, status, responseHeaders, body);
    }

    /** The whole exchange, request body included: operations such as createFeed are checked on what was sent too. */
    public ValidationReport validate(String method, URI uri, Map<String, List<String>> requestHeaders, String requestBody,
                                     int status, Map<String, List<String>> responseHeaders, String body) {
        SimpleResponse.Builder response = new SimpleResponse.Builder(status);
        responseHeaders.forEach(response::withHeader);
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        return validator.validate(request(method, uri, requestHeaders, requestBody), response.build());
    }

    public ValidationReport validate(HttpResponse<String> response) {
        return validate(response, null);
    }

    /** {@code requestBody}: what was sent, since {@link HttpRequest} does not keep it. */
    public ValidationReport validate(HttpResponse<String> response, String requestBody) {
        HttpRequest request = response.request();
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>(response.headers().map());
        responseHeaders.remove(":status");
        return validate(request.method(), request.uri(), request.headers().map(), requestBody, response.statusCode(), responseHeaders,
                response.body());
    }

    /** Fails with every finding of the validator when the exchange breaks the model. */
    public HttpResponse<String> assertConforms(HttpResponse<String> response) {
        return assertConforms(response, null);
    }

    /** As {@link #assertConforms(HttpResponse)}, for a request that carried {@code requestBody}. */
    public HttpResponse<String> assertConforms(HttpResponse<String> response, String requestBody) {
        ValidationReport report = validate(response, requestBody);
        if (report.hasErrors()) {
            throw new AssertionError("The exchange " + response.request().method() + " " + response.request().uri() + " -> "
                    + response.statusCode() + " breaks Amazon's model:\n" + describe(report) + "\nbody: " + response.body()
                    + (requestBody == null ? "" : "\nrequest body: " + requestBody));
        }
        return response;
    }

    public static String describe(ValidationReport report) {
        return report.getMessages().stream()
                .map(m -> "  [" + m.getLevel() + "] " + m.getKey() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }

    private static Request request(String method, URI uri, Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, uri.getPath());
        query(uri.getRawQuery()).forEach(builder::withQueryParam);
        headers.forEach(builder::withHeader);
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }

    /** Decodes the raw query as a server does, so an unencoded '+' reaches the model as the space it became. */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String read(String classpathModel) {
        try (InputStream in = AmazonContract.class.getClassLoader().getResourceAsStream(classpathModel)) {
            if (in == null) {
                throw new IllegalArgumentException("No model " + classpathModel + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
