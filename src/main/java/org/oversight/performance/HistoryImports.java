package org.oversight.performance;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.oversight.platform.CurrentUser;
import org.oversight.shared.InputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures file from the API and the web: one transaction, one audit event for the whole file. */
@Service
class HistoryImports {

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final CurrentUser user;

    HistoryImports(DataSource dataSource, ApplicationEventPublisher events, CurrentUser user) {
        this.dataSource = dataSource;
        this.events = events;
        this.user = user;
    }

    @Transactional
    FigureHistory.Result load(InputStream in, String fileName, boolean dryRun, String expectedCounts) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            FigureHistory.Result r = FigureHistory.load(c, in, fileName, dryRun, user.name(), expectedCounts);
            if (!dryRun) {
                events.publishEvent(r.loaded());
            }
            return r;
        } catch (SQLException e) {
            throw new InputException(null, null, "the figures could not be stored: " + e.getMessage());
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
