package org.oversight.platform;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The embedded PostgreSQL, used when no external database is configured: kept in
 * {@code oversight.data}/postgres, or a throw-away one when that is not set (tests). The app
 * connects as a role that owns nothing; Flyway migrates as the owner and then grants the app
 * its access.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    LocalPostgres localPostgres(@Value("${oversight.data:}") String data) throws IOException {
        return data.isBlank() ? LocalPostgres.throwaway() : LocalPostgres.start(Path.of(data));
    }

    /** The pool's settings ({@code spring.datasource.hikari.*}) as for an external database. */
    @Bean(destroyMethod = "close")
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.url());
        ds.setUsername(LocalPostgres.APP);
        ds.setPassword(postgres.appPassword());
        ds.setMaximumPoolSize(10);
        return ds;
    }

    /**
     * The health check asks the app's own pool. Left to itself it would also open a connection as
     * the owner for every check: anyone asking the (public) health check that often would use up
     * the server's connections, and as its superuser.
     */
    @Bean
    HealthIndicator dbHealthIndicator(HikariDataSource dataSource) {
        return new DataSourceHealthIndicator(dataSource);
    }

    @Bean(defaultCandidate = false)
    @FlywayDataSource
    DataSource ownerDataSource(LocalPostgres postgres) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(postgres.url());
        ds.setUser(postgres.ownerUser());
        ds.setPassword(postgres.ownerPassword());
        return ds;
    }

    @Bean
    FlywayMigrationStrategy migrateThenGrant(LocalPostgres postgres) {
        return flyway -> {
            flyway.migrate();
            postgres.grantAppAccess();
        };
    }
}
