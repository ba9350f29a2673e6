package it.ponte.shop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressMatchKeyTest {

    @Test
    void samePlaceTypedTwiceGivesTheSameKey() {
        assertThat(AddressMatchKey.of("  Mario   Rossi", "Via Roma\t1 ", "00184", "ROMA", "it"))
                .isEqualTo(AddressMatchKey.of("mario rossi", "via roma 1", "00184", "Roma", "IT"))
                .isEqualTo("mario rossi|via roma 1|00184|roma|it");
    }

    @Test
    void missingPartsStayEmptyAndTheKeyFitsTheIndex() {
        assertThat(AddressMatchKey.of("Ditta", "Via X", null, "Bari", "IT")).isEqualTo("ditta|via x||bari|it");
        assertThat(AddressMatchKey.of("n".repeat(300), "l", "1", "c", "IT")).hasSize(AddressMatchKey.MAX_LENGTH);
    }
}
