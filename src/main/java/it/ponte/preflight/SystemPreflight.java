package it.ponte.preflight;

import it.ponte.report.ReportProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The go-live check of what Ponte runs on: the administrator's SMTP server answers (a connection and its greeting,
 * no mail sent), both databases answer with their Flyway migrations applied, and each schedule (Quartz) is on, with
 * its next firing.
 */
@Component
class SystemPreflight {

    private final ReportProperties report;
    private final NamedParameterJdbcTemplate shopJdbc;
    private final NamedParameterJdbcTemplate erpJdbc;
    private final Flyway shopFlyway;
    private final Flyway erpFlyway;
    private final CamelContext camel;
    private final boolean schedulesEnabled;

    SystemPreflight(ReportProperties report, @Qualifier("shopJdbc") NamedParameterJdbcTemplate shopJdbc,
                    @Qualifier("erpJdbc") NamedParameterJdbcTemplate erpJdbc, @Qualifier("shopFlyway") Flyway shopFlyway,
                    @Qualifier("erpFlyway") Flyway erpFlyway, CamelContext camel,
                    @Value("${ponte.schedules.enabled:true}") boolean schedulesEnabled) {
        this.report = report;
        this.shopJdbc = shopJdbc;
        this.erpJdbc = erpJdbc;
        this.shopFlyway = shopFlyway;
        this.erpFlyway = erpFlyway;
        this.camel = camel;
        this.schedulesEnabled = schedulesEnabled;
    }

    List<PreflightCheck> check(PreflightTexts t) {
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(smtp(t));
        checks.add(database("shop", shopJdbc, shopFlyway, t));
        checks.add(database("erp", erpJdbc, erpFlyway, t));
        checks.addAll(schedules(t));
        return checks;
    }

    /** A connection to the SMTP server and its 220 greeting, then QUIT: the server is there and speaks SMTP. */
    private PreflightCheck smtp(PreflightTexts t) {
        ReportProperties.Smtp smtp = report.smtp();
        String where = smtp.host() + ":" + smtp.port();
        String name = t.get("preflight.smtp.name", where);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(smtp.host(), smtp.port()), smtp.connectionTimeout());
            socket.setSoTimeout(smtp.connectionTimeout());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (greeting == null || !greeting.startsWith("220")) {
                return t.check("smtp", "smtp", name, PreflightStatus.FAILED, "smtp.notSmtp", where, String.valueOf(greeting));
            }
            return t.check("smtp", "smtp", name, PreflightStatus.OK, "smtp.ok", where, report.to());
        } catch (IOException e) {
            return t.check("smtp", "smtp", name, PreflightStatus.FAILED, "smtp.unreachable", where, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private PreflightCheck database(String which, NamedParameterJdbcTemplate jdbc, Flyway flyway, PreflightTexts t) {
        String id = "database." + which;
        String name = t.get("preflight.database." + which + ".name");
        try {
            jdbc.getJdbcTemplate().queryForObject("SELECT 1", Integer.class);
        } catch (RuntimeException e) {
            return t.check(id, "database", name, PreflightStatus.FAILED, "database.unreachable", rootMessage(e));
        }
        try {
            MigrationInfoService info = flyway.info();
            MigrationInfo[] pending = info.pending();
            List<String> failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed())
                    .map(m -> String.valueOf(m.getVersion())).toList();
            if (!failed.isEmpty()) {
                return t.check(id, "database", name, PreflightStatus.FAILED, "database.migrationFailed", String.join(", ", failed));
            }
            if (pending.length > 0) {
                return t.check(id, "database", name, PreflightStatus.MISSING, "database.pending", pending.length,
                        String.valueOf(pending[0].getVersion()));
            }
            MigrationInfo current = info.current();
            return t.check(id, "database", name, PreflightStatus.OK, "database.ok", current == null ? "-" : String.valueOf(current.getVersion()));
        } catch (RuntimeException e) {
            return t.check(id, "database", name, PreflightStatus.FAILED, "database.unreachable", rootMessage(e));
        }
    }

    /** Every route fed by a {@code quartz:} endpoint: on (started, its trigger in the scheduler) with its next firing. */
    private List<PreflightCheck> schedules(PreflightTexts t) {
        List<PreflightCheck> checks = new ArrayList<>();
        Scheduler scheduler = camel.getComponent("quartz", QuartzComponent.class).getScheduler();
        for (Route route : camel.getRoutes()) {
            if (!(route.getEndpoint() instanceof QuartzEndpoint quartz)) {
                continue;
            }
            String routeId = route.getRouteId();
            String id = "schedule." + routeId;
            String name = scheduleName(routeId, route, t);
            ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
            if (status == null || !status.isStarted()) {
                checks.add(t.check(id, "schedule", name, PreflightStatus.MISSING,
                        schedulesEnabled ? "schedule.stopped" : "schedule.disabled", routeId));
                continue;
            }
            try {
                TriggerKey key = quartz.getTriggerKey();
                Trigger trigger = key == null || scheduler == null ? null : scheduler.getTrigger(key);
                if (trigger == null || scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED) {
                    checks.add(t.check(id, "schedule", name, PreflightStatus.MISSING, "schedule.paused", routeId));
                    continue;
                }
                Date next = trigger.getNextFireTime();
                Instant at = next == null ? null : next.toInstant();
                checks.add(next == null
                        ? t.check(id, "schedule", name, PreflightStatus.MISSING, "schedule.never", routeId)
                        : t.check(id, "schedule", name, PreflightStatus.OK, at, "schedule.ok", t.time(at)));
            } catch (Exception e) {
                checks.add(t.check(id, "schedule", name, PreflightStatus.FAILED, "schedule.unreadable", rootMessage(e)));
            }
        }
        return checks;
    }

    private static String scheduleName(String routeId, Route route, PreflightTexts t) {
        String account = "amazon-account-schedule-";
        if (routeId.startsWith(account)) {
            return t.get("preflight.schedule.amazon.name", routeId.substring(account.length()));
        }
        String fallback = route.getDescription() == null ? routeId : route.getDescription();
        return t.getOrDefault("preflight.schedule." + routeId + ".name", fallback);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
