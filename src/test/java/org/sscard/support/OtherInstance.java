package org.sscard.support;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.sscard.SscardApplication;

/** A second instance of the service on its own port, on the same database as the test's (or another URL). */
public final class OtherInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private OtherInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static OtherInstance on(DataSource dataSource) {
		return on(dataSource, ((HikariDataSource) dataSource).getJdbcUrl());
	}

	public static OtherInstance on(DataSource dataSource, String jdbcUrl) {
		HikariDataSource hikari = (HikariDataSource) dataSource;
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
				"--spring.datasource.username=" + hikari.getUsername(),
				"--spring.datasource.password=" + ((hikari.getPassword() != null) ? hikari.getPassword() : "")));
		args.addAll(List.of(TestBroker.arguments()));
		return new OtherInstance(new SpringApplicationBuilder(SscardApplication.class).profiles("test")
			.run(args.toArray(String[]::new)));
	}

	public Api api() {
		return new Api(((WebServerApplicationContext) this.context).getWebServer().getPort());
	}

	/** A bean of this instance, e.g. to run a scheduled job on it at a chosen moment. */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
