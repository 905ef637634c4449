package org.relaybench.store.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.postgresql.PGConnection;

/**
 * The rows of one table of a bulk opening, sent to the database in one go when {@link #finish()}
 * is called: on PostgreSQL as one {@code COPY ... FROM STDIN} (no statement parsed or planned per
 * row), elsewhere as one JDBC batch of inserts. Either way the rows are part of the caller's
 * transaction.
 */
abstract class BulkTables implements AutoCloseable {

    /** Values are {@link String}s, {@link Long}s, {@link Integer}s or {@link OffsetDateTime}s. */
    abstract void row(Object... values) throws SQLException;

    /** Sends the rows. */
    abstract void finish() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    /**
     * @param c the connection, in the caller's transaction
     * @param kind its database
     * @param table the table
     * @param columns its columns, in the order of the values given to {@link #row}
     * @return a writer of that table's rows
     */
    static BulkTables of(Connection c, StoreDatabase.Kind kind, String table, String... columns) throws SQLException {
        return kind == StoreDatabase.Kind.POSTGRESQL ? new Copy(c, table, columns) : new Batch(c, table, columns);
    }

    /** A JDBC batch of inserts. */
    private static final class Batch extends BulkTables {
        private final PreparedStatement statement;

        Batch(Connection c, String table, String... columns) throws SQLException {
            statement = c.prepareStatement("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + "?, ".repeat(columns.length - 1) + "?)");
        }

        @Override
        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
        }

        @Override
        void finish() throws SQLException {
            statement.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    /** PostgreSQL's COPY in its text format: one line per row, tab between values. */
    private static final class Copy extends BulkTables {
        private final Connection connection;
        private final String sql;
        private final StringBuilder text = new StringBuilder(1 << 16);

        Copy(Connection c, String table, String... columns) {
            connection = c;
            sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
        }

        @Override
        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object v = values[i];
                if (v instanceof String s) {
                    escape(s);
                } else {
                    text.append(v); // numbers; times as ISO 8601 with their offset, which PostgreSQL reads
                }
            }
            text.append('\n');
        }

        /** COPY's text format: backslash, tab, newline and carriage return escaped, all else as it is. */
        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
                }
            }
        }

        @Override
        void finish() throws SQLException {
            if (text.length() == 0) {
                return;
            }
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text.toString()));
            } catch (IOException e) {
                throw new SQLException("sending rows to " + sql + " failed: " + e.getMessage(), "08006", e);
            }
            text.setLength(0);
        }

        @Override
        public void close() {
            text.setLength(0);
        }
    }
}
