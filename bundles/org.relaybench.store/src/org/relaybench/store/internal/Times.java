package org.relaybench.store.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times as the store keeps them: UTC, to the millisecond, the same on H2 and PostgreSQL. */
final class Times {

    private Times() {
    }

    static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    static OffsetDateTime sql(Instant t) {
        return millis(t).atOffset(ZoneOffset.UTC);
    }

    static Instant read(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
