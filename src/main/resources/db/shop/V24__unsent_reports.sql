-- Report and alert mails the SMTP server did not take (it.ponte.report.UnsentReports): kept as rendered, sent again by
-- the report-resend route until the server takes them, then moved to run_report like any mail sent.
CREATE TABLE unsent_report (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id     BIGINT NULL,
    kind       VARCHAR(20) NOT NULL,
    verdict    VARCHAR(20) NOT NULL,
    subject    VARCHAR(500) NOT NULL,
    html_body  MEDIUMTEXT NOT NULL,
    text_body  MEDIUMTEXT NOT NULL,
    attempts   INT NOT NULL DEFAULT 1,
    last_error VARCHAR(1000) NULL,
    queued_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
