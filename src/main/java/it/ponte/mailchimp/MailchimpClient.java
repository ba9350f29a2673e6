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
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import it.ponte.remote.FailureClass;
import it.ponte.remote.FailurePolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mailchimp Marketing API v3 for Ponte's Java code: a thin face over the {@code direct:mailchimp-api} route
 * ({@code routes/mailchimp-api.camel.yaml}), which makes the call on camel-http, bounds the connections, redelivers
 * transient failures and keeps Mailchimp's circuit breaker. What is left here is Mailchimp's own logic: orders and
 * carts have no PUT, so POST and PATCH fall back on each other; a 404 on a read means "absent".
 * Mailchimp's refusals and its absence surface as a {@link MailchimpException} of their failure class.
 */
@Component
public class MailchimpClient {

    /** How a write ended up in Mailchimp: the report counts them apart. */
    public enum WriteOutcome { CREATED, UPDATED, DELETED, ABSENT, UNCHANGED }

    private static final Logger log = LoggerFactory.getLogger(MailchimpClient.class);

    private final MailchimpProperties properties;
    private final ProducerTemplate producer;
    private final FailurePolicy policy;

    public MailchimpClient(MailchimpProperties properties, ProducerTemplate producer, FailurePolicy policy) {
        this.properties = properties;
        this.producer = producer;
        this.policy = policy;
    }

    // --- store -------------------------------------------------------------------------------------------------

    /**
     * The store as Mailchimp holds it once {@link #ensureStore} is done: how the call ended, the store's
     * {@code created_at} (which tells a store deleted and created again under the same id from the one Ponte wrote
     * into) and its {@code is_syncing}.
     */
    public record StoreState(WriteOutcome outcome, String createdAt, boolean syncing) {

        public boolean createdNow() {
            return outcome == WriteOutcome.CREATED;
        }
    }

    /**
     * Makes sure the e-commerce store exists, linked to the list and named as configured. A non-null
     * {@code store.isSyncing()} is the {@code is_syncing} of a store created now; an existing store's flag is left as
     * it is (see {@link #storeSyncing}), as the caller decides it only once it knows which store it found.
     */
    public StoreState ensureStore(Store store) {
        String path = "/ecommerce/stores/" + enc(store.id());
        Optional<JsonNode> existing = getOptional("get store", path);
        if (existing.isEmpty()) {
            JsonNode created = call("create store", "POST", "/ecommerce/stores", store);
            return new StoreState(WriteOutcome.CREATED, created.path("created_at").asText(""), created.path("is_syncing").asBoolean(false));
        }
        JsonNode current = existing.get();
        if (!store.listId().equals(current.path("list_id").asText())) {
            // Mailchimp never moves a store to another list: say so rather than write into the wrong audience.
            throw new MailchimpException("ensure store", 400, "Store linked to another list",
                    "Lo store " + store.id() + " è collegato alla lista " + current.path("list_id").asText()
                            + " e non a " + store.listId(), List.of(), true, null);
        }
        String createdAt = current.path("created_at").asText("");
        boolean syncing = current.path("is_syncing").asBoolean(false);
        if (!store.name().equals(current.path("name").asText()) || !store.currencyCode().equals(current.path("currency_code").asText())) {
            call("update store", "PATCH", path, new Store(null, null, store.name(), store.currencyCode(), store.platform(), store.domain()));
            return new StoreState(WriteOutcome.UPDATED, createdAt, syncing);
        }
        return new StoreState(WriteOutcome.UNCHANGED, createdAt, syncing);
    }

    /** How many records of one entity the store holds now ({@code total_items}, one item fetched). */
    public int count(MailchimpEntity entity) {
        String collection = switch (entity) {
            case CUSTOMER -> "customers";
            case PRODUCT -> "products";
            case ORDER -> "orders";
            case CART -> "carts";
        };
        return call("count " + collection, "GET", storePath("/" + collection + "?count=1&fields=total_items"), null).path("total_items").asInt();
    }

    /** Sets the store's {@code is_syncing} flag. */
    public void storeSyncing(String storeId, boolean syncing) {
        call("update store", "PATCH", "/ecommerce/stores/" + enc(storeId), Map.of("is_syncing", syncing));
    }

    // --- customers and products (upserts) ----------------------------------------------------------------------

    public void putCustomer(Customer customer) {
        call("put customer", customer.id(), "PUT", storePath("/customers/" + enc(customer.id())), customer);
    }

    public void putProduct(Product product) {
        call("put product", product.id(), "PUT", storePath("/products/" + enc(product.id())), product);
    }

    // --- orders: no PUT, so POST and PATCH fall back on each other ----------------------------------------------

    public WriteOutcome createOrder(Order order) {
        try {
            call("create order", order.id(), "POST", storePath("/orders"), order);
            return WriteOutcome.CREATED;
        } catch (MailchimpException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            call("update order", order.id(), "PATCH", storePath("/orders/" + enc(order.id())), order);
            return WriteOutcome.UPDATED;
        }
    }

    public WriteOutcome updateOrder(Order order) {
        try {
            call("update order", order.id(), "PATCH", storePath("/orders/" + enc(order.id())), order);
            return WriteOutcome.UPDATED;
        } catch (MailchimpException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            call("create order", order.id(), "POST", storePath("/orders"), order);
            return WriteOutcome.CREATED;
        }
    }

    // --- carts ---------------------------------------------------------------------------------------------------

    public WriteOutcome createCart(Cart cart) {
        try {
            call("create cart", cart.id(), "POST", storePath("/carts"), cart);
            return WriteOutcome.CREATED;
        } catch (MailchimpException e) {
            if (!e.isAlreadyExists()) {
                throw e;
            }
            call("update cart", cart.id(), "PATCH", storePath("/carts/" + enc(cart.id())), cart);
            return WriteOutcome.UPDATED;
        }
    }

    public WriteOutcome updateCart(Cart cart) {
        try {
            call("update cart", cart.id(), "PATCH", storePath("/carts/" + enc(cart.id())), cart);
            return WriteOutcome.UPDATED;
        } catch (MailchimpException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            call("create cart", cart.id(), "POST", storePath("/carts"), cart);
            return WriteOutcome.CREATED;
        }
    }

    public WriteOutcome deleteCart(String cartId) {
        try {
            call("delete cart", cartId, "DELETE", storePath("/carts/" + enc(cartId)), null);
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
        // only a 404 says "not in the list": an answer without a readable status says nothing, and must not settle the
        // record as a non-member's (it would never be sent)
        return getOptional("get list member", path).map(n -> {
            JsonNode status = n.get("status");
            if (status == null || !status.isTextual() || status.asText().isBlank()) {
                throw MailchimpException.malformed("get list member", "il membro della lista è senza stato");
            }
            return status.asText();
        });
    }

    /**
     * One page of the list's members. The page must say what Mailchimp documents, or it is refused as unreadable: a
     * {@code members} array whose every member has a textual e-mail and status, and a numeric {@code total_items}.
     * (A page read loosely would make members absent and their records be settled as non-members'.) A page longer than
     * {@code count} is taken whole: its members are members all the same.
     */
    public MemberPage members(int offset, int count) {
        String path = "/lists/" + enc(properties.listId()) + "/members?count=" + count + "&offset=" + offset
                + "&fields=members.email_address,members.status,total_items";
        JsonNode page = call("list members", "GET", path, null);
        JsonNode array = page.get("members");
        JsonNode total = page.get("total_items");
        if (array == null || !array.isArray() || total == null || !total.canConvertToLong() || !total.isIntegralNumber() || total.asLong() < 0) {
            throw MailchimpException.malformed("list members", "la pagina dei membri è senza members o total_items");
        }
        List<Member> members = new ArrayList<>();
        for (JsonNode m : array) {
            JsonNode email = m.get("email_address");
            JsonNode status = m.get("status");
            if (email == null || !email.isTextual() || status == null || !status.isTextual()) {
                throw MailchimpException.malformed("list members", "un membro della pagina è senza email_address o status");
            }
            members.add(new Member(email.asText(), status.asText()));
        }
        return new MemberPage(members, total.asLong() > Integer.MAX_VALUE ? Integer.MAX_VALUE : total.asInt());
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

    // --- the go-live check: one read each ---------------------------------------------------------------------------

    /** Mailchimp's health check: answers only to a valid API key. */
    public JsonNode ping() {
        return call("ping", "GET", "/ping", null);
    }

    /** The list (audience), empty when the account has no list of that id. */
    public Optional<JsonNode> list(String listId) {
        return getOptional("get list", "/lists/" + enc(listId) + "?fields=id,name,stats.member_count");
    }

    /** The e-commerce store as Mailchimp has it (its {@code list_id} among the rest), empty when there is none. */
    public Optional<JsonNode> store(String storeId) {
        return getOptional("get store", "/ecommerce/stores/" + enc(storeId));
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
        return call(operation, null, method, path, body);
    }

    /** One call; {@code kind} names the operation for the metrics, {@code recordId} (may be null) the record in logs and reasons. */
    private JsonNode call(String kind, String recordId, String method, String path, Object body) {
        String operation = recordId == null ? kind : kind + " " + recordId;
        Exchange answer = producer.send("direct:mailchimp-api", exchange -> {
            exchange.setProperty(MailchimpHttp.OPERATION, operation);
            exchange.setProperty(MailchimpHttp.OPERATION_KIND, kind);
            exchange.setProperty(MailchimpHttp.METHOD, method);
            exchange.setProperty(MailchimpHttp.PATH, path);
            exchange.setProperty(MailchimpHttp.BODY, body);
        });
        Exception failure = answer.getException();
        if (failure != null) {
            throw asFailure(operation, failure);
        }
        log.debug("Mailchimp {} {} done", method, path);
        return answer.getMessage().getBody(JsonNode.class);
    }

    /**
     * Whatever went wrong on the way, as the failure policy and Ponte's Mailchimp code read it: Mailchimp's answers and
     * its absence as a {@link MailchimpException}; anything else (a bug, a payload that cannot be written) as it is.
     */
    private RuntimeException asFailure(String operation, Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MailchimpException e) {
                return e;
            }
            if (t instanceof CallNotPermittedException) {
                return MailchimpException.unreachable(operation, t);
            }
            if (t instanceof it.ponte.remote.AnswerTooLargeException) {
                return MailchimpException.tooLarge(operation, t);
            }
        }
        if (policy.classify(failure) == FailureClass.TRANSIENT) {
            return MailchimpException.noAnswer(operation, rootCause(failure));
        }
        return failure instanceof RuntimeException r ? r : new RuntimeCamelException(failure);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String enc(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
