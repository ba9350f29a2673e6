package it.ponte.sandbox;

import java.math.BigDecimal;
import java.util.List;

/** The demo shop's catalogue: the same SKUs are products in the shop and listings on the simulated Amazon. */
public final class SandboxCatalogue {

    public record Product(String sku, String title, BigDecimal price) {
    }

    public static final List<Product> PRODUCTS = List.of(
            new Product("PONTE-CAF-1000", "Caffè macinato miscela classica 1 kg", new BigDecimal("14.90")),
            new Product("PONTE-MOKA-3", "Moka in alluminio 3 tazze", new BigDecimal("24.50")),
            new Product("PONTE-TAZ-6", "Set 6 tazzine da caffè in porcellana", new BigDecimal("19.90")),
            new Product("PONTE-OLIO-500", "Olio extravergine d'oliva 500 ml", new BigDecimal("9.80")),
            new Product("PONTE-PASTA-5", "Pasta di Gragnano IGP, 5 confezioni da 500 g", new BigDecimal("12.40")),
            new Product("PONTE-TAGL-35", "Tagliere in legno d'ulivo 35 cm", new BigDecimal("29.00")),
            new Product("PONTE-GREM-LINO", "Grembiule da cucina in lino", new BigDecimal("17.50")),
            new Product("PONTE-CANT-250", "Cantucci toscani alle mandorle 250 g", new BigDecimal("6.90")));

    private SandboxCatalogue() {
    }
}
