package it.ponte.api;

import it.ponte.shop.OrderOrigin;
import it.ponte.shop.OrderStatus;
import it.ponte.shop.ShopOrder;
import it.ponte.shop.ShopOrderRepository;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Shop orders over REST, with their ERP document and Amazon state. */
@Component("ordersApi")
public class OrdersApi {

    private final ShopOrderRepository orders;

    public OrdersApi(ShopOrderRepository orders) {
        this.orders = orders;
    }

    public List<ShopOrder> list(@Header("origin") String origin, @Header("status") String status,
                                @Header("limit") String limit, @Header("offset") String offset) {
        return orders.list(enumName(origin, OrderOrigin.class, "origin"), enumName(status, OrderStatus.class, "status"),
                SyncApi.boundedInt(limit, 100, 1, 1000, "limit"), SyncApi.boundedInt(offset, 0, 0, Integer.MAX_VALUE, "offset"));
    }

    public ShopOrder get(@Header("id") String id) {
        return orders.find(SyncApi.parseId(id)).orElseThrow(() -> ApiProblem.notFound("Ordine " + id + " inesistente."));
    }

    private static <E extends Enum<E>> String enumName(String value, Class<E> type, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(n -> n.equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> ApiProblem.badRequestKey("api.parameterNotAllowed", name, value));
    }
}
