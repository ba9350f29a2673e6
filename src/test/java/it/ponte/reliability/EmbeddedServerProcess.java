package it.ponte.reliability;

import it.ponte.db.DatabaseProperties;
import it.ponte.db.EmbeddedMariaDb;
import java.time.Duration;

/** A JVM that only runs Ponte's embedded MariaDB on a data folder (args: folder, password), as Ponte itself does. */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(embedded(args[0], args[1]));
        System.out.println("READY port=" + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static DatabaseProperties.Embedded embedded(String folder, String password) {
        return new DatabaseProperties.Embedded(true, folder, 0, false, "ponte", password, Duration.ofSeconds(30));
    }
}
