package it.ponte.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the shop and ERP databases live. With no {@code url} Ponte starts its embedded MariaDB;
 * {@code PONTE_DB_URL} (relaxed binding of {@code ponte.db.url}) points both at an external server.
 * {@code shopUrl} / {@code erpUrl} win over {@code url} when the two databases live on different servers.
 */
@ConfigurationProperties("ponte.db")
public record DatabaseProperties(
        String url,
        @DefaultValue("root") String username,
        @DefaultValue("") String password,
        @DefaultValue("shop") String shopName,
        @DefaultValue("erp") String erpName,
        String shopUrl,
        String erpUrl,
        @DefaultValue Embedded embedded) {

    public record Embedded(
            @DefaultValue("./data/mariadb") String dataDir,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean wipeOnStart) {
    }

    public boolean isEmbedded() {
        return isBlank(url) && isBlank(shopUrl) && isBlank(erpUrl);
    }

    public String toString() {
        return "DatabaseProperties[url=" + url + ", username=" + username + ", password=****, shopName=" + shopName
                + ", erpName=" + erpName + ", shopUrl=" + shopUrl + ", erpUrl=" + erpUrl + ", embedded=" + embedded + "]";
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
