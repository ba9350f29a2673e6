package it.ponte.api;

import it.ponte.report.SentReports;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The latest run reports as the administrator received them (subject, HTML and plain text of each mail sent). */
@Component("reportsApi")
public class ReportsApi {

    private final SentReports reports;

    public ReportsApi(SentReports reports) {
        this.reports = reports;
    }

    public List<SentReports.SentReport> latest(@Header("limit") String limit) {
        return reports.latest(SyncApi.boundedInt(limit, 10, 1, 100, "limit"));
    }
}
