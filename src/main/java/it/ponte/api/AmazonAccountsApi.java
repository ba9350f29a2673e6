package it.ponte.api;

import it.ponte.amazon.AmazonAccounts;
import it.ponte.amazon.AmazonProperties;
import it.ponte.sync.SyncLauncher;
import it.ponte.sync.SyncMode;
import it.ponte.sync.SyncTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Amazon accounts over REST: the list (secrets masked) and "Sincro Ordini". */
@Component("amazonAccountsApi")
public class AmazonAccountsApi {

    private static final String MASK = "****";

    private final AmazonAccounts accounts;
    private final SyncLauncher launcher;

    public AmazonAccountsApi(AmazonAccounts accounts, SyncLauncher launcher) {
        this.accounts = accounts;
        this.launcher = launcher;
    }

    public record AccountView(String id, String name, String region, String endpoint, String sellerId, List<String> marketplaces,
                              boolean createOrders, List<String> importStatuses, String orderSeries, String customerLedger,
                              String shippingExpenseItem, String schedule, Instant watermark, Map<String, String> lwa) {
    }

    public List<AccountView> list() {
        return accounts.all().stream().map(this::view).toList();
    }

    /** Imports this account alone, then a partial sync outside the contract quota. */
    public ApiBodies.RunStarted orderSync(@Header("id") String id) {
        AmazonProperties.Account account = accounts.find(id)
                .orElseThrow(() -> ApiProblem.notFound("Account Amazon '" + id + "' non configurato."));
        if (!account.createOrders()) {
            throw ApiProblem.conflict("L'account Amazon '" + id + "' non ha \"Creare ordini in Passweb\" attivo (create-orders).");
        }
        return ApiBodies.RunStarted.of(launcher.launch(SyncMode.PARTIAL, SyncTrigger.ACCOUNT_ORDER_SYNC, id));
    }

    private AccountView view(AmazonProperties.Account a) {
        AmazonProperties.Lwa lwa = a.lwa();
        Map<String, String> credentials = Map.of(
                "clientId", lwa.clientId() == null ? "" : lwa.clientId(),
                "clientSecret", lwa.clientSecret() == null ? "" : MASK,
                "refreshToken", lwa.refreshToken() == null ? "" : MASK);
        return new AccountView(a.id(), a.name(), a.region(), a.endpoint(), a.sellerId(), a.marketplaces(), a.createOrders(),
                a.importStatuses(), a.orderSeries(), a.customerLedger(), a.shippingExpenseItem(), a.schedule(),
                accounts.watermark(a.id()).orElse(null), credentials);
    }
}
