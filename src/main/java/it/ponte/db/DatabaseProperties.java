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
        @DefaultValue Embedded embedded,
        /* how long a step waits for a pooled connection before the database counts as unreachable */
        @DefaultValue("3s") java.time.Duration connectionTimeout) {

    /**
     * The embedded server: used only when {@code enabled} (the sandbox turns it on; production must ask for it),
     * listening on 127.0.0.1 only, with grants on. Ponte connects as its own user ({@code ponte}); the password is
     * {@code password} when configured, else generated once and kept in the data folder.
     */
    public record Embedded(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("./data/mariadb") String dataDir,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean wipeOnStart,
            @DefaultValue("ponte") String username,
            String password,
            /* how long the server waits at JVM stop for Ponte to end its run and close its pools */
            @DefaultValue("90s") java.time.Duration stopWait) {

        @Override
        public String toString() {
            return "Embedded[enabled=" + enabled + ", dataDir=" + dataDir + ", port=" + port + ", wipeOnStart=" + wipeOnStart
                    + ", username=" + username + ", password=****, stopWait=" + stopWait + "]";
        }
    }

    /** No external server named: the embedded one is meant (and must be enabled). */
    public boolean isEmbedded() {
        return isBlank(url) && isBlank(shopUrl) && isBlank(erpUrl);
    }

    public String toString() {
        return "DatabaseProperties[url=" + url + ", username=" + username + ", password=****, shopName=" + shopName
                + ", erpName=" + erpName + ", shopUrl=" + shopUrl + ", erpUrl=" + erpUrl + ", embedded=" + embedded
                + ", connectionTimeout=" + connectionTimeout + "]";
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
