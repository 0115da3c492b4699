package org.sscard;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries: each top-level package is a module that others may use only through
 * the types at its root. A class outside {@code card} that touched a card entity or repository
 * ({@code card.internal}), or a dependency cycle between modules, fails {@link #modulesKeepTheirBoundaries()}.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(SscardApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void theCardModuleShowsOnlyItsUseCasesViewsCommandsAndEvents() {
		List<JavaClass> exposed = MODULES.getModuleByName("card")
			.orElseThrow()
			.getNamedInterfaces()
			.getUnnamedInterface()
			.asJavaClasses()
			.toList();

		assertThat(exposed).isNotEmpty().allSatisfy((type) -> assertThat(type.isAnnotatedWith(Service.class)
				|| type.isRecord() || type.isEnum() || type.isInterface())
			.as("%s is a use case, view, command or event", type.getName())
			.isTrue());
		assertThat(exposed).noneMatch((type) -> type.isAnnotatedWith(Entity.class));
	}

	/**
	 * Writes the module documentation (component diagrams and a module canvas per module);
	 * {@code -Dsscard.modules.docs=docs/modules} refreshes the committed copy.
	 */
	@Test
	void writesTheModuleDocumentation() {
		String folder = System.getProperty("sscard.modules.docs", "target/spring-modulith-docs");
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder)).writeDocumentation();
	}

}
