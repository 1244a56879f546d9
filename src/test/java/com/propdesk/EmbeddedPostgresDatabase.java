package com.propdesk;

import java.io.IOException;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL for a test's own Spring context ({@code @Import} it): zonky's embedded server,
 * whose binaries come from Maven Central, and a pool on it as the context's data source.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresDatabase {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return EmbeddedPostgres.builder().start();
	}

	// made from the server bean, so Spring closes the engine and this pool before the server
	@Bean
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create().type(HikariDataSource.class).url(postgres.getJdbcUrl("postgres", "postgres"))
				.username("postgres").password("postgres").build();
	}

}
