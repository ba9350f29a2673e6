package it.ponte.preflight;

import it.ponte.report.ReportProperties;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
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
 * The go-live check of what Ponte runs on: the administrator's SMTP server answers and takes Ponte's login (no
 * mail sent), both databases answer with their Flyway migrations applied, and each schedule (Quartz) is on, with
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

    /**
     * A session with the SMTP server as the report route opens it (camel-mail's Jakarta Mail underneath): the greeting,
     * EHLO and, when ponte.report.smtp.username is set, the login, then QUIT. No mail is sent. A wrong password is the
     * usual go-live mistake and only a login shows it; the password itself never reaches the message.
     */
    private PreflightCheck smtp(PreflightTexts t) {
        ReportProperties.Smtp smtp = report.smtp();
        String where = smtp.host() + ":" + smtp.port();
        String name = t.get("preflight.smtp.name", where);
        boolean login = smtp.username() != null && !smtp.username().isBlank();
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", String.valueOf(smtp.connectionTimeout()));
        properties.put("mail.smtp.timeout", String.valueOf(smtp.connectionTimeout()));
        properties.put("mail.smtp.auth", String.valueOf(login));
        try (Transport transport = Session.getInstance(properties).getTransport("smtp")) {
            transport.connect(smtp.host(), smtp.port(), login ? smtp.username() : null, login ? smtp.password() : null);
            return login
                    ? t.check("smtp", "smtp", name, PreflightStatus.OK, "smtp.okLogin", where, smtp.username(), report.to())
                    : t.check("smtp", "smtp", name, PreflightStatus.OK, "smtp.ok", where, report.to());
        } catch (AuthenticationFailedException e) {
            return t.check("smtp", "smtp", name, PreflightStatus.FAILED, "smtp.loginRefused", where, smtp.username(),
                    withoutSecret(e.getMessage(), smtp.password()));
        } catch (MessagingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof java.io.IOException) {
                return t.check("smtp", "smtp", name, PreflightStatus.FAILED, "smtp.unreachable", where, cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + withoutSecret(cause.getMessage(), smtp.password())));
            }
            return t.check("smtp", "smtp", name, PreflightStatus.FAILED, "smtp.notSmtp", where, withoutSecret(e.getMessage(), smtp.password()));
        }
    }

    /** A server's refusal may echo what it was sent; the password is never shown. */
    private static String withoutSecret(String message, String password) {
        String text = message == null ? "-" : message.strip();
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
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
