package org.runbookunit.config;

/**
 * Say how to reach an environment's database; the password never appears in {@link #toString()}.
 *
 * @param url the JDBC URL, e.g. {@code jdbc:postgresql://db.example:25060/defaultdb}
 * @param user the user name
 * @param password the password (a secret)
 */
public record DatabaseSettings(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=***]";
    }
}
