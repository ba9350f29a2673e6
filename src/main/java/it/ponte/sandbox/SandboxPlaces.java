package it.ponte.sandbox;

import java.util.List;

/** Real Italian towns with their CAP and province sigla, so generated addresses stay plausible. */
public final class SandboxPlaces {

    public record Place(String city, String postalCode, String province) {
    }

    public static final List<Place> PLACES = List.of(
            new Place("Milano", "20121", "MI"), new Place("Roma", "00184", "RM"), new Place("Napoli", "80134", "NA"),
            new Place("Torino", "10123", "TO"), new Place("Bologna", "40121", "BO"), new Place("Firenze", "50122", "FI"),
            new Place("Bari", "70121", "BA"), new Place("Palermo", "90133", "PA"), new Place("Verona", "37121", "VR"),
            new Place("Padova", "35122", "PD"), new Place("Genova", "16121", "GE"), new Place("Brescia", "25121", "BS"),
            new Place("Lecce", "73100", "LE"), new Place("Perugia", "06121", "PG"), new Place("Trento", "38122", "TN"),
            new Place("Cagliari", "09124", "CA"), new Place("Monza", "20900", "MB"), new Place("Salerno", "84121", "SA"));

    private SandboxPlaces() {
    }
}
