package org.sscard.database;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.sscard.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate builds its metamodel on a background thread while the rest of the service starts: on
 * 2 cores that is about half a second of the start-up's five (docs/performance.md, seventh pass).
 */
class PersistenceBootstrapTests extends ApiTest {

	@Autowired
	ApplicationContext context;

	@Test
	void hibernateStartsBesideTheRestOfTheService() {
		LocalContainerEntityManagerFactoryBean factory = this.context.getBean("&entityManagerFactory",
				LocalContainerEntityManagerFactoryBean.class);

		assertThat(factory.getBootstrapExecutor()).as("the executor Hibernate starts on").isNotNull();
	}

}
