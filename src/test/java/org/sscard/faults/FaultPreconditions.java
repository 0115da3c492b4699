package org.sscard.faults;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * What the fault tests need from the machine: root (they create PostgreSQL clusters with Debian's
 * tools), those tools, HAProxy and the packaged jar. Where something is missing they are skipped
 * with the reason, unless {@code SSCARD_REQUIRE_FAULTS=true} (set by {@code .ci/run}): then they fail,
 * so that CI cannot pass without having run them.
 */
final class FaultPreconditions {

	private FaultPreconditions() {
	}

	static void require(String... commands) {
		List<String> missing = new ArrayList<>();
		if (!"root".equals(System.getProperty("user.name"))) {
			missing.add("root (pg_createcluster and pg_ctlcluster act for user postgres)");
		}
		for (String command : commands) {
			if (!onPath(command)) {
				missing.add(command);
			}
		}
		if (ServiceInstance.packagedJar() == null) {
			missing.add("the packaged jar target/sscard-*.jar (run ./mvnw verify, which packages it first)");
		}
		if (missing.isEmpty()) {
			return;
		}
		String reason = "Fault tests need " + String.join(", ", missing)
				+ " (Debian: apt-get install postgresql haproxy; see docs/deployment.md)";
		if ("true".equalsIgnoreCase(System.getenv("SSCARD_REQUIRE_FAULTS"))) {
			throw new AssertionError(reason + "; SSCARD_REQUIRE_FAULTS=true forbids skipping them");
		}
		Assumptions.abort(reason);
	}

	static boolean onPath(String command) {
		if (command.contains("/")) {
			return Files.isExecutable(Path.of(command));
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return Files.isExecutable(Path.of("/usr/sbin", command)) || Files.isExecutable(Path.of("/usr/bin", command));
	}

}
