package org.oversight.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL started with the app when no external database is configured: kept in
 * {@code oversight.data}/postgres, or in a throw-away directory when that is not set (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${oversight.data:}") String data) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (!data.isBlank()) {
            Path dir = Path.of(data).toAbsolutePath().resolve("postgres");
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setMaximumPoolSize(10);
        return ds;
    }
}
