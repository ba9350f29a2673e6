package it.ponte.report;

/**
 * A file that goes with a report mail: the CSV of every order a large import stored, when the mail lists only the
 * first ones. Kept with the mail while the mail server does not take it.
 */
public record ReportAttachment(String fileName, String csv) {

    /**
     * One CSV cell: quoted when it holds the separator, a quote or a line break; a cell a spreadsheet would run as a
     * formula (a customer name from Amazon starting with =, +, - or @) is prefixed with an apostrophe.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9]+([.,][0-9]+)?") ? "'" + value : value;
        if (v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
