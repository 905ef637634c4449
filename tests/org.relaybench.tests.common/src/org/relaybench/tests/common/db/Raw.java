package org.relaybench.tests.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Plain JDBC connections to a store's database, for checks below the store's API. */
public final class Raw {

    private Raw() {
    }

    /**
     * @param url an H2 or PostgreSQL JDBC URL
     * @return a connection to it, without auto-commit
     * @throws SQLException when the database refuses
     */
    public static Connection connect(String url) throws SQLException {
        Connection c = url.startsWith("jdbc:h2:") ? new org.h2.Driver().connect(url, new Properties())
                : new org.postgresql.Driver().connect(url, new Properties());
        c.setAutoCommit(false);
        return c;
    }
}
