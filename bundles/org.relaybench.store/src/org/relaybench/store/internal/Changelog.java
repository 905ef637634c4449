package org.relaybench.store.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only look at whether Liquibase has already applied every changeset of the store's changelog
 * to a database, so that opening an up-to-date store does not pay for starting Liquibase. When in
 * doubt it says no, and Liquibase decides.
 */
final class Changelog {

    private static final Pattern CHANGESET = Pattern.compile("^--changeset\\s+([^:\\s]+):(\\S+)(.*)$");
    private static final Pattern DBMS = Pattern.compile("\\bdbms:(\\S+)");

    private Changelog() {
    }

    /**
     * @param c a connection
     * @param kind the database's kind
     * @return whether every changeset meant for this kind of database is recorded as applied
     * @throws SQLException when the database fails
     */
    static boolean applied(Connection c, StoreDatabase.Kind kind) throws SQLException {
        String table = kind == StoreDatabase.Kind.H2 ? "DATABASECHANGELOG" : "databasechangelog";
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, table, new String[] { "TABLE" })) {
            if (!rs.next()) {
                return false;
            }
        }
        Set<String> wanted = changesets(kind == StoreDatabase.Kind.H2 ? "h2" : "postgresql");
        Set<String> found = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("select author, id from databasechangelog where filename = ?")) {
            s.setString(1, Migrations.CHANGELOG);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + ':' + rs.getString(2));
                }
            }
        }
        c.commit();
        return found.containsAll(wanted);
    }

    /** @return {@code author:id} of every changeset for that database, in order */
    static Set<String> changesets(String dbms) {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = Changelog.class.getClassLoader().getResourceAsStream(Migrations.CHANGELOG)) {
            if (in == null) {
                throw new IllegalStateException("the changelog " + Migrations.CHANGELOG + " is missing from the bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Matcher m = CHANGESET.matcher(line.trim());
                if (m.matches()) {
                    Matcher d = DBMS.matcher(m.group(3));
                    if (!d.find() || Set.of(d.group(1).toLowerCase(Locale.ROOT).split(",")).contains(dbms)) {
                        out.add(m.group(1) + ':' + m.group(2));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
