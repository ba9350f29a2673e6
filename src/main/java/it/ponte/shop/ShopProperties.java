package it.ponte.shop;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What Ponte needs to know about the web shop itself ({@code ponte.shop.*}).
 * {@code unifiedCart}: the shop shares one cart across devices ("gestione unificata del carrello"), which rules out
 * recovering abandoned carts; the shop's {@code setting} row {@value UnifiedCartMode#SETTING} overrides it at run time.
 */
@Validated
@ConfigurationProperties("ponte.shop")
public record ShopProperties(
        @DefaultValue("false") boolean unifiedCart,
        /* where the recovery link sends a visitor who is not logged in; the return URL is appended as ?returnUrl= */
        @DefaultValue("/login") @NotBlank String loginPath,
        /* the shop's cart page, where a recovered cart is shown */
        @DefaultValue("/cart") @NotBlank String cartPath) {
}
