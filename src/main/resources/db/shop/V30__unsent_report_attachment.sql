-- A report mail that waits for the mail server keeps its attachment (the CSV of a large import's orders), so it leaves
-- whole when the server takes it.
ALTER TABLE unsent_report
    ADD COLUMN attachment_name VARCHAR(200) NULL,
    ADD COLUMN attachment_csv  LONGTEXT NULL;
