package it.ponte.sandbox.amazon;

import it.ponte.amazon.AmazonProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sellers the simulator knows: every {@code ponte.sandbox.amazon.sellers[i]} and every configured
 * {@code ponte.amazon.accounts[i]} with LWA credentials, so the sandbox accepts what Ponte is configured with.
 * Refresh tokens can be revoked, as a seller does in Seller Central.
 */
@Component
@Profile("sandbox")
public class SandboxSellers {

    static final SandboxSeller BUILT_IN = new SandboxSeller("A1PONTESANDBOX",
            "amzn1.application-oa2-client.ponte-sandbox", "sandbox-client-secret", "Atzr|sandbox-refresh-it-main");

    private final List<SandboxSeller> sellers;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    public SandboxSellers(AmazonSandboxProperties sandbox, AmazonProperties amazon) {
        Map<String, SandboxSeller> byRefreshToken = new LinkedHashMap<>();
        for (AmazonProperties.Account account : amazon.accounts()) {
            if (account.lwa() != null && account.lwa().isConfigured()) {
                byRefreshToken.putIfAbsent(account.lwa().refreshToken(), new SandboxSeller(account.sellerId(),
                        account.lwa().clientId(), account.lwa().clientSecret(), account.lwa().refreshToken()));
            }
        }
        for (AmazonSandboxProperties.Seller s : sandbox.sellers()) {
            byRefreshToken.putIfAbsent(s.refreshToken(), new SandboxSeller(s.sellerId(), s.clientId(), s.clientSecret(), s.refreshToken()));
        }
        if (byRefreshToken.isEmpty()) {
            byRefreshToken.put(BUILT_IN.refreshToken(), BUILT_IN);
        }
        this.sellers = List.copyOf(new ArrayList<>(byRefreshToken.values()));
    }

    public List<SandboxSeller> all() {
        return sellers;
    }

    /** The seller orders go to when none is named: the first configured one. */
    public SandboxSeller defaultSeller() {
        return sellers.get(0);
    }

    public boolean isKnown(String sellerId) {
        return sellers.stream().anyMatch(s -> s.sellerId().equals(sellerId));
    }

    public boolean isKnownClient(String clientId, String clientSecret) {
        return sellers.stream().anyMatch(s -> s.clientId().equals(clientId) && s.clientSecret().equals(clientSecret));
    }

    public Optional<SandboxSeller> byRefreshToken(String refreshToken) {
        return sellers.stream().filter(s -> s.refreshToken().equals(refreshToken)).findFirst();
    }

    public boolean isRevoked(String refreshToken) {
        return revoked.contains(refreshToken);
    }

    public void revoke(String refreshToken) {
        revoked.add(refreshToken);
    }

    /** Revokes the refresh token of a seller; returns false for an unknown seller. */
    public boolean revokeSeller(String sellerId) {
        List<SandboxSeller> matching = sellers.stream().filter(s -> s.sellerId().equals(sellerId)).toList();
        matching.forEach(s -> revoked.add(s.refreshToken()));
        return !matching.isEmpty();
    }

    public void restoreAll() {
        revoked.clear();
    }
}
