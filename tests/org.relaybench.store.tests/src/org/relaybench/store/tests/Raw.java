package org.relaybench.store.tests;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** Plain JDBC connections to a store's database, for checks below the store's API. */
final class Raw {

    private Raw() {
    }

    static Connection connect(String url) throws SQLException {
        Connection c = url.startsWith("jdbc:h2:") ? new org.h2.Driver().connect(url, new Properties())
                : new org.postgresql.Driver().connect(url, new Properties());
        c.setAutoCommit(false);
        return c;
    }
}
