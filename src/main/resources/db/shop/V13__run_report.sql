-- The run reports as the administrator received them (it.ponte.report.SentReports): what the report-mail route sent
-- over SMTP, subject, HTML and plain text, so the console shows the very mail. Only reports actually sent are kept.
CREATE TABLE run_report (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id     BIGINT       NULL,
    kind       VARCHAR(20)  NOT NULL,
    verdict    VARCHAR(20)  NOT NULL,
    subject    VARCHAR(500) NOT NULL,
    html_body  MEDIUMTEXT   NOT NULL,
    text_body  MEDIUMTEXT   NOT NULL,
    sent_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY run_report_sent_at (sent_at),
    KEY run_report_run (run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
