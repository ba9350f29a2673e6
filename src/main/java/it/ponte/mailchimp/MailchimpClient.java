package it.ponte.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import it.ponte.mailchimp.MailchimpResources.Automation;
import it.ponte.mailchimp.MailchimpResources.Cart;
import it.ponte.mailchimp.MailchimpResources.Customer;
import it.ponte.mailchimp.MailchimpResources.Member;
import it.ponte.mailchimp.MailchimpResources.MemberPage;
import it.ponte.mailchimp.MailchimpResources.Order;
import it.ponte.mailchimp.MailchimpResources.Product;
import it.ponte.mailchimp.MailchimpResources.Store;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mailchimp Marketing API v3 over {@link HttpClient}. It paces itself: never more than
 * {@code ponte.mailchimp.max-concurrency} calls in flight (Mailchimp answers 429 beyond 10), and transient failures
 * (429, 5xx, resets, gateway 403) are retried with exponential backoff and full jitter, honouring Retry-After.
 * Permanent failures surface as {@link MailchimpException} with Mailchimp's problem document.
 */
@Component
public class MailchimpClient {

    /** How a write ended up in Mailchimp: the report counts them apart. */
    public enum WriteOutcome { CREATED, UPDATED, DELETED, ABSENT, UNCHANGED }

    private static final Logger log = LoggerFactory.getLogger(MailchimpClient.class);

    private final MailchimpProperties properties;
    private final MailchimpJson json;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final String authorization;

    public MailchimpClient(MailchimpProperties properties, MailchimpJson json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.client().connectTimeout()).build();
        this.inFlight = new Semaphore(properties.maxConcurrency(), true);
        String key = properties.apiKey() == null ? "" : properties.apiKey();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(("ponte:" + key).getBytes(StandardCharsets.UTF_8));
    }

    // --- store -------------------------------------------------------------------------------------------------

    /** Makes sure the e-commerce store exists, linked to the list and named as configured. */
    public WriteOutcome ensureStore(Store store) {
        String path = "/ecommerce/stores/" + enc(store.id());
        Optional<JsonNode> existing = getOptional("get store", path);
        if (existing.isEmpty()) {
            call("create store", "POST", "/ecommerce/stores", store);
            return WriteOutcome.CREATED;
        }
        JsonNode current = existing.get();
        if (!store.listId().equals(current.path("list_id").asText())) {
            // Mailchimp never moves a store to another list: say so rather than write into the wrong audience.
            throw new MailchimpException("ensure store", 400, "Store linked to another list",
                    "Lo store " + store.id() + " è collegato alla lista " + current.path("list_id").asText()
                            + " e non a " + store.listId(), List.of(), true, null);
        }
        if (!store.name().equals(current.path("name").asText()) || !store.currencyCode().equals(current.path("currency_code").asText())) {
            call("update store", "PATCH", path, new Store(null, null, store.name(), store.currencyCode(), store.platform(), store.domain()));
            return WriteOutcome.UPDATED;
        }
        return WriteOutcome.UNCHANGED;
    }

    // --- customers and products (upserts) ----------------------------------------------------------------------

    public void putCustomer(Customer customer) {
        call("put customer " + customer.id(), "PUT", storePath("/customers/" + enc(customer.id())), customer);
    }

    public void putProduct(Product product) {
        call("put product " + product.id(), "PUT", storePath("/products/" + enc(product.id())), product);
    }

    // --- orders: no PUT, so POST and PATCH fall back on each other ----------------------------------------------

    public WriteOutcome createOrder(Order order) {
        try {
            call("create order " + order.id(), "POST", storePath("/orders"), order);
            return WriteOutcome.CREATED;
        } catch (MailchimpException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            call("update order " + order.id(), "PATCH", storePath("/orders/" + enc(order.id())), order);
            return WriteOutcome.UPDATED;
        }
    }

    public WriteOutcome updateOrder(Order order) {
        try {
            call("update order " + order.id(), "PATCH", storePath("/orders/" + enc(order.id())), order);
            return WriteOutcome.UPDATED;
        } catch (MailchimpException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            call("create order " + order.id(), "POST", storePath("/orders"), order);
            return WriteOutcome.CREATED;
        }
    }

    // --- carts ---------------------------------------------------------------------------------------------------

    public WriteOutcome createCart(Cart cart) {
        try {
            call("create cart " + cart.id(), "POST", storePath("/carts"), cart);
            return WriteOutcome.CREATED;
        } catch (MailchimpException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            call("update cart " + cart.id(), "PATCH", storePath("/carts/" + enc(cart.id())), cart);
            return WriteOutcome.UPDATED;
        }
    }

    public WriteOutcome updateCart(Cart cart) {
        try {
            call("update cart " + cart.id(), "PATCH", storePath("/carts/" + enc(cart.id())), cart);
            return WriteOutcome.UPDATED;
        } catch (MailchimpException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            call("create cart " + cart.id(), "POST", storePath("/carts"), cart);
            return WriteOutcome.CREATED;
        }
    }

    public WriteOutcome deleteCart(String cartId) {
        try {
            call("delete cart " + cartId, "DELETE", storePath("/carts/" + enc(cartId)), null);
            return WriteOutcome.DELETED;
        } catch (MailchimpException e) {
            if (e.isNotFound()) {
                return WriteOutcome.ABSENT;
            }
            throw e;
        }
    }

    // --- list members and automations ----------------------------------------------------------------------------

    /** The member status of an e-mail in the linked list, empty when the address is not in it. */
    public Optional<String> memberStatus(String email) {
        String path = "/lists/" + enc(properties.listId()) + "/members/" + MailchimpJson.subscriberHash(email)
                + "?fields=status,email_address";
        return getOptional("get list member", path).map(n -> n.path("status").asText(null));
    }

    public MemberPage members(int offset, int count) {
        String path = "/lists/" + enc(properties.listId()) + "/members?count=" + count + "&offset=" + offset
                + "&fields=members.email_address,members.status,total_items";
        JsonNode page = call("list members", "GET", path, null);
        List<Member> members = new ArrayList<>();
        for (JsonNode m : page.path("members")) {
            members.add(new Member(m.path("email_address").asText(), m.path("status").asText()));
        }
        return new MemberPage(members, page.path("total_items").asInt());
    }

    public List<Automation> automations() {
        JsonNode answer = call("list automations", "GET", "/automations?count=1000", null);
        List<Automation> automations = new ArrayList<>();
        for (JsonNode a : answer.path("automations")) {
            automations.add(new Automation(a.path("id").asText(), a.path("status").asText(),
                    a.path("trigger_settings").path("workflow_type").asText(null),
                    a.path("recipients").path("store_id").asText(null), a.path("recipients").path("list_id").asText(null)));
        }
        return automations;
    }

    // --- transport -------------------------------------------------------------------------------------------------

    private String storePath(String tail) {
        return "/ecommerce/stores/" + enc(properties.storeId()) + tail;
    }

    private Optional<JsonNode> getOptional(String operation, String path) {
        try {
            return Optional.of(call(operation, "GET", path, null));
        } catch (MailchimpException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private JsonNode call(String operation, String method, String path, Object body) {
        MailchimpProperties.Client client = properties.client();
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.write(body), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.resolvedBaseUrl() + path))
                .timeout(client.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        MailchimpException last = null;
        for (int attempt = 1; attempt <= client.maxAttempts(); attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = send(request);
                int status = response.statusCode();
                if (status < 300) {
                    log.debug("Mailchimp {} {} -> {}", method, path, status);
                    return json.read(response.body());
                }
                last = problem(operation, response);
                retryAfter = response.headers().firstValue("Retry-After").map(MailchimpClient::seconds).orElse(null);
            } catch (IOException e) {
                last = new MailchimpException(operation, 0, e.getClass().getSimpleName(), e.getMessage(), List.of(), false, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MailchimpException(operation, 0, "Interrupted", null, List.of(), false, e);
            }
            if (!last.isTransient() || attempt == client.maxAttempts()) {
                break;
            }
            Duration pause = retryAfter != null ? retryAfter : backoff(attempt, client);
            log.info("Mailchimp {} failed ({}), attempt {} of {}, retrying in {} ms", operation, last.status(), attempt,
                    client.maxAttempts(), pause.toMillis());
            sleep(pause);
        }
        throw last;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        inFlight.acquire();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } finally {
            inFlight.release();
        }
    }

    private MailchimpException problem(String operation, HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        JsonNode doc = null;
        if (contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                doc = json.read(body);
            } catch (RuntimeException ignored) {
                // a gateway page pretending to be JSON: treated as no problem document
            }
        }
        boolean isProblem = doc != null && doc.has("title") && doc.has("status");
        if (!isProblem) {
            return new MailchimpException(operation, response.statusCode(), null, null, List.of(), false, null);
        }
        List<MailchimpException.FieldError> errors = new ArrayList<>();
        for (JsonNode e : doc.path("errors")) {
            errors.add(new MailchimpException.FieldError(e.path("field").asText(), e.path("message").asText()));
        }
        return new MailchimpException(operation, response.statusCode(), doc.path("title").asText(null),
                doc.path("detail").asText(null), errors, true, null);
    }

    private static Duration backoff(int attempt, MailchimpProperties.Client client) {
        long ceiling = Math.min(client.maxBackoff().toMillis(), client.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
        // full jitter: clients that failed together do not come back together
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.min(120, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
