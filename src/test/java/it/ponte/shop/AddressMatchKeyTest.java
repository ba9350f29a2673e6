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

    @Test
    void normalisesAsTheRegularExpressionItReplaced() {
        java.util.Random random = new java.util.Random(9);
        String alphabet = "aZ09 \t\n\u000B\f\r,.;-'\u00A0\u2003\u3000\uFF21\uFB01\u00C8\u00E0\u0130\u212A|";
        java.util.List<String> parts = new java.util.ArrayList<>(java.util.List.of("", " ", " , . ", "Via  Roma, 1.", "\u00A0Piazza\u2003Duomo\u3000",
                "\uFF30\uFF41\uFF44\uFF4F\uFF56\uFF41", "\uFB01ume", "\u0130stanbul", "\u212Aelvin"));
        for (int n = 0; n < 2000; n++) {
            StringBuilder part = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                part.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parts.add(part.toString());
        }
        for (String part : parts) {
            String expected = java.text.Normalizer.normalize(part, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[\\s,.]+", " ").strip();
            assertThat(AddressMatchKey.normalise(part)).as("[%s]", part).isEqualTo(expected);
        }
    }
}
