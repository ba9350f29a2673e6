package it.ponte.sandbox.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The e-commerce part of the simulated Mailchimp Marketing API v3: stores, customers, products (with variants),
 * orders (POST creates, PATCH updates, no PUT) and carts, validated as Mailchimp validates them.
 */
@Profile("sandbox")
@RestController
@RequestMapping("/sandbox/mailchimp/3.0/ecommerce/stores")
class SandboxMailchimpEcommerceController {

    private final SandboxMailchimpState state;

    SandboxMailchimpEcommerceController(SandboxMailchimpState state) {
        this.state = state;
    }

    // --- stores ------------------------------------------------------------------------------------------------------

    @PostMapping
    ObjectNode createStore(@RequestBody JsonNode body) {
        SandboxMailchimpValidation v = SandboxMailchimpValidation.of(body)
                .requiredString("id").requiredString("list_id").requiredString("name").requiredString("currency_code")
                .currency("currency_code");
        v.check();
        String id = body.get("id").asText();
        if (!state.lists.containsKey(body.get("list_id").asText())) {
            throw SandboxMailchimpProblem.badRequest("The list_id provided does not exist in this account.");
        }
        synchronized (state) {
            if (state.stores.containsKey(id)) {
                throw SandboxMailchimpProblem.badRequest("A store with the provided ID already exists.");
            }
            ObjectNode store = ((ObjectNode) body).deepCopy();
            store.put("created_at", OffsetDateTime.now().toString());
            state.stores.put(id, new SandboxMailchimpState.Store(store));
            return store;
        }
    }

    @GetMapping
    ObjectNode stores() {
        ObjectNode answer = state.mapper.createObjectNode();
        ArrayNode array = answer.putArray("stores");
        state.stores.values().forEach(s -> array.add(s.body));
        answer.put("total_items", state.stores.size());
        return answer;
    }

    @GetMapping("/{storeId}")
    ObjectNode store(@PathVariable String storeId) {
        return store0(storeId).body;
    }

    @PatchMapping("/{storeId}")
    ObjectNode updateStore(@PathVariable String storeId, @RequestBody JsonNode body) {
        SandboxMailchimpState.Store store = store0(storeId);
        if (body.has("list_id") && !body.get("list_id").asText().equals(store.body.path("list_id").asText())) {
            throw SandboxMailchimpProblem.badRequest("The list_id of a store cannot be changed.");
        }
        SandboxMailchimpValidation.of(body).currency("currency_code").check();
        if (body.has("is_syncing") && body.path("is_syncing").asBoolean() != store.isSyncing()) {
            store.syncingChanges.add(body.path("is_syncing").asBoolean() + "@" + store.orders.size());
        }
        store.body.setAll((ObjectNode) body);
        return store.body;
    }

    @DeleteMapping("/{storeId}")
    ResponseEntity<Void> deleteStore(@PathVariable String storeId) {
        store0(storeId);
        state.deleteStore(storeId);
        return ResponseEntity.noContent().build();
    }

    // --- customers ---------------------------------------------------------------------------------------------------

    @PutMapping("/{storeId}/customers/{customerId}")
    ObjectNode putCustomer(@PathVariable String storeId, @PathVariable String customerId, @RequestBody JsonNode body) {
        SandboxMailchimpState.Store store = store0(storeId);
        SandboxMailchimpValidation.of(body).requiredString("id").requiredString("email_address")
                .requiredBoolean(body, "opt_in_status", "opt_in_status").email(body, "email_address", "email_address").check();
        synchronized (store) {
            return upsertCustomer(store, customerId, body);
        }
    }

    @GetMapping("/{storeId}/customers/{customerId}")
    ObjectNode customer(@PathVariable String storeId, @PathVariable String customerId) {
        return found(store0(storeId).customers.get(customerId));
    }

    @GetMapping("/{storeId}/customers")
    ObjectNode customers(@PathVariable String storeId, @RequestParam(defaultValue = "10") int count, @RequestParam(defaultValue = "0") int offset) {
        return page("customers", store0(storeId).customers, count, offset);
    }

    // --- products ----------------------------------------------------------------------------------------------------

    @PostMapping("/{storeId}/products")
    ObjectNode createProduct(@PathVariable String storeId, @RequestBody JsonNode body) {
        SandboxMailchimpState.Store store = store0(storeId);
        validateProduct(body);
        synchronized (store) {
            if (store.products.containsKey(body.get("id").asText())) {
                throw SandboxMailchimpProblem.badRequest("A product with the provided ID already exists in the account.");
            }
            return stamp(store.products, body.get("id").asText(), (ObjectNode) body);
        }
    }

    @PutMapping("/{storeId}/products/{productId}")
    ObjectNode putProduct(@PathVariable String storeId, @PathVariable String productId, @RequestBody JsonNode body) {
        SandboxMailchimpState.Store store = store0(storeId);
        validateProduct(body);
        return stamp(store.products, productId, (ObjectNode) body);
    }

    @PatchMapping("/{storeId}/products/{productId}")
    ObjectNode patchProduct(@PathVariable String storeId, @PathVariable String productId, @RequestBody JsonNode body) {
        ObjectNode product = found(store0(storeId).products.get(productId));
        product.setAll((ObjectNode) body);
        return product;
    }

    @GetMapping("/{storeId}/products/{productId}")
    ObjectNode product(@PathVariable String storeId, @PathVariable String productId) {
        return found(store0(storeId).products.get(productId));
    }

    @GetMapping("/{storeId}/products")
    ObjectNode products(@PathVariable String storeId, @RequestParam(defaultValue = "10") int count, @RequestParam(defaultValue = "0") int offset) {
        return page("products", store0(storeId).products, count, offset);
    }

    @DeleteMapping("/{storeId}/products/{productId}")
    ResponseEntity<Void> deleteProduct(@PathVariable String storeId, @PathVariable String productId) {
        found(store0(storeId).products.remove(productId));
        return ResponseEntity.noContent().build();
    }

    // --- orders: POST creates (400 if the id exists), PATCH updates, there is no PUT ---------------------------------

    @PostMapping("/{storeId}/orders")
    ObjectNode createOrder(@PathVariable String storeId, @RequestBody JsonNode body) {
        return createSale(store0(storeId), body, "order");
    }

    @PatchMapping("/{storeId}/orders/{orderId}")
    ObjectNode updateOrder(@PathVariable String storeId, @PathVariable String orderId, @RequestBody JsonNode body) {
        return updateSale(store0(storeId), orderId, body, "order");
    }

    @GetMapping("/{storeId}/orders/{orderId}")
    ObjectNode order(@PathVariable String storeId, @PathVariable String orderId) {
        return found(store0(storeId).orders.get(orderId));
    }

    @GetMapping("/{storeId}/orders")
    ObjectNode orders(@PathVariable String storeId, @RequestParam(defaultValue = "10") int count, @RequestParam(defaultValue = "0") int offset) {
        return page("orders", store0(storeId).orders, count, offset);
    }

    @DeleteMapping("/{storeId}/orders/{orderId}")
    ResponseEntity<Void> deleteOrder(@PathVariable String storeId, @PathVariable String orderId) {
        found(store0(storeId).orders.remove(orderId));
        return ResponseEntity.noContent().build();
    }

    // --- carts -------------------------------------------------------------------------------------------------------

    @PostMapping("/{storeId}/carts")
    ObjectNode createCart(@PathVariable String storeId, @RequestBody JsonNode body) {
        return createSale(store0(storeId), body, "cart");
    }

    @PatchMapping("/{storeId}/carts/{cartId}")
    ObjectNode updateCart(@PathVariable String storeId, @PathVariable String cartId, @RequestBody JsonNode body) {
        return updateSale(store0(storeId), cartId, body, "cart");
    }

    @GetMapping("/{storeId}/carts/{cartId}")
    ObjectNode cart(@PathVariable String storeId, @PathVariable String cartId) {
        return found(store0(storeId).carts.get(cartId));
    }

    @GetMapping("/{storeId}/carts")
    ObjectNode carts(@PathVariable String storeId, @RequestParam(defaultValue = "10") int count, @RequestParam(defaultValue = "0") int offset) {
        return page("carts", store0(storeId).carts, count, offset);
    }

    @DeleteMapping("/{storeId}/carts/{cartId}")
    ResponseEntity<Void> deleteCart(@PathVariable String storeId, @PathVariable String cartId) {
        found(store0(storeId).carts.remove(cartId));
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    // --- shared ------------------------------------------------------------------------------------------------------

    private ObjectNode createSale(SandboxMailchimpState.Store store, JsonNode body, String kind) {
        SandboxMailchimpValidation v = SandboxMailchimpValidation.of(body).requiredString("id").requiredString("currency_code")
                .requiredNumber(body, "order_total", "order_total").currency("currency_code")
                .optionalNumber(body, "shipping_total", "shipping_total");
        if ("order".equals(kind)) {
            v.oneOf("financial_status", SandboxMailchimpValidation.FINANCIAL).oneOf("fulfillment_status", SandboxMailchimpValidation.FULFILLMENT);
        }
        JsonNode customer = body.get("customer");
        if (customer == null || !customer.isObject()) {
            v.requiredString(body, "customer", "customer");
        } else {
            v.requiredString(customer, "id", "customer.id");
        }
        v.lines(v.requiredArray("lines"));
        v.check();
        Map<String, ObjectNode> target = "order".equals(kind) ? store.orders : store.carts;
        synchronized (store) {
            String id = body.get("id").asText();
            if (target.containsKey(id)) {
                throw SandboxMailchimpProblem.badRequest("An " + kind + " with the provided ID already exists in the account.");
            }
            checkProducts(store, body.get("lines"));
            ObjectNode sale = ((ObjectNode) body).deepCopy();
            sale.set("customer", customerOfSale(store, customer));
            notify(store, kind, id, null, sale);
            return stamp(target, id, sale);
        }
    }

    private ObjectNode updateSale(SandboxMailchimpState.Store store, String id, JsonNode body, String kind) {
        SandboxMailchimpValidation v = SandboxMailchimpValidation.of(body).currency("currency_code")
                .optionalNumber(body, "order_total", "order_total");
        if ("order".equals(kind)) {
            v.oneOf("financial_status", SandboxMailchimpValidation.FINANCIAL).oneOf("fulfillment_status", SandboxMailchimpValidation.FULFILLMENT);
        }
        if (body.has("lines")) {
            v.lines(v.requiredArray("lines"));
        }
        v.check();
        Map<String, ObjectNode> target = "order".equals(kind) ? store.orders : store.carts;
        synchronized (store) {
            ObjectNode sale = found(target.get(id));
            if (body.has("lines")) {
                checkProducts(store, body.get("lines"));
            }
            notify(store, kind, id, sale, body);
            ObjectNode changes = ((ObjectNode) body).deepCopy();
            changes.remove("id");
            if (changes.has("customer")) {
                changes.set("customer", customerOfSale(store, changes.get("customer")));
            }
            sale.setAll(changes);
            sale.put("updated_at", OffsetDateTime.now().toString());
            return sale;
        }
    }

    /**
     * What Mailchimp's automations do with a write: an order's status change fires its notification, a cart arms the
     * abandoned-cart e-mail while that automation is sending; nothing fires while the store {@code is_syncing}.
     */
    private void notify(SandboxMailchimpState.Store store, String kind, String id, JsonNode before, JsonNode after) {
        if (store.isSyncing()) {
            return;
        }
        if ("cart".equals(kind)) {
            if ("sending".equals(state.abandonedCartStatus()) || SandboxMailchimpState.JOURNEY.equals(state.abandonedCartStatus())) {
                store.notifications.add("abandoned-cart " + id);
            }
            return;
        }
        for (String field : List.of("financial_status", "fulfillment_status")) {
            String now = after.path(field).asText("");
            String was = before == null ? "" : before.path(field).asText("");
            if (!now.isEmpty() && !now.equals(was)) {
                store.notifications.add("order " + id + " " + now);
            }
        }
    }

    /** A line naming a product or variant the store does not have fails the whole order or cart. */
    private void checkProducts(SandboxMailchimpState.Store store, JsonNode lines) {
        int i = 0;
        for (JsonNode line : lines) {
            ObjectNode product = store.products.get(line.path("product_id").asText());
            if (product == null) {
                throw missing(i, "product_id", "A product with the provided ID does not exist in the account for this list.");
            }
            boolean variantFound = false;
            for (JsonNode variant : product.path("variants")) {
                variantFound |= variant.path("id").asText().equals(line.path("product_variant_id").asText());
            }
            if (!variantFound) {
                throw missing(i, "product_variant_id", "A product variant with the provided ID does not exist in the account for this list.");
            }
            i++;
        }
    }

    private SandboxMailchimpProblem missing(int line, String field, String message) {
        return state.missingProductInErrors()
                ? SandboxMailchimpProblem.invalid(List.of(Map.of("field", "lines.item:" + line + "." + field, "message", message)))
                : SandboxMailchimpProblem.badRequest(message);
    }

    /** An order or cart names its customer: a known one by id, a new one with its e-mail and opt-in status. */
    private ObjectNode customerOfSale(SandboxMailchimpState.Store store, JsonNode customer) {
        String id = customer.get("id").asText();
        ObjectNode known = store.customers.get(id);
        if (known != null && !customer.hasNonNull("email_address")) {
            return known;
        }
        SandboxMailchimpValidation.of(customer).requiredString(customer, "email_address", "customer.email_address")
                .requiredBoolean(customer, "opt_in_status", "customer.opt_in_status")
                .email(customer, "email_address", "customer.email_address").check();
        return upsertCustomer(store, id, customer);
    }

    private ObjectNode upsertCustomer(SandboxMailchimpState.Store store, String id, JsonNode body) {
        ObjectNode existing = store.customers.get(id);
        String email = body.get("email_address").asText();
        if (existing != null && !existing.path("email_address").asText().equalsIgnoreCase(email)) {
            throw SandboxMailchimpProblem.invalid(List.of(Map.of("field", "email_address", "message", "The email address may not be changed.")));
        }
        ObjectNode customer = existing == null ? state.mapper.createObjectNode() : existing;
        customer.setAll(((ObjectNode) body).deepCopy());
        customer.put("id", id);
        store.customers.put(id, customer);
        // opt_in_status true subscribes the address; false adds a new one as transactional and never downgrades a member
        boolean optIn = body.path("opt_in_status").asBoolean(false);
        String current = state.memberStatus(email).orElse(null);
        if (optIn && !"subscribed".equals(current)) {
            state.putMember(email, "subscribed");
        } else if (current == null) {
            state.putMember(email, "transactional");
        }
        return customer;
    }

    private void validateProduct(JsonNode body) {
        if (state.refusesProduct(body.path("id").asText())) {
            // the sandbox was told to refuse this product (POST /sandbox/mailchimp/admin/products/{id}/refuse)
            throw SandboxMailchimpProblem.invalid(List.of(Map.of("field", "variants.0.price",
                    "message", "This value should be a valid number.")));
        }
        SandboxMailchimpValidation v = SandboxMailchimpValidation.of(body).requiredString("id").requiredString("title");
        List<JsonNode> variants = v.requiredArray("variants");
        for (int i = 0; i < variants.size(); i++) {
            v.requiredString(variants.get(i), "id", "variants." + i + ".id").requiredString(variants.get(i), "title", "variants." + i + ".title")
                    .optionalNumber(variants.get(i), "price", "variants." + i + ".price");
        }
        v.check();
    }

    private ObjectNode stamp(Map<String, ObjectNode> target, String id, ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.put("id", id);
        copy.put("created_at", OffsetDateTime.now().toString());
        target.put(id, copy);
        return copy;
    }

    private SandboxMailchimpState.Store store0(String storeId) {
        return state.store(storeId).orElseThrow(SandboxMailchimpProblem::notFound);
    }

    private static ObjectNode found(ObjectNode node) {
        if (node == null) {
            throw SandboxMailchimpProblem.notFound();
        }
        return node;
    }

    private ObjectNode page(String name, Map<String, ObjectNode> items, int count, int offset) {
        ObjectNode answer = state.mapper.createObjectNode();
        ArrayNode array = answer.putArray(name);
        items.values().stream().skip(Math.max(0, offset)).limit(Math.min(Math.max(count, 0), 1000)).forEach(array::add);
        answer.put("total_items", items.size());
        return answer;
    }
}
