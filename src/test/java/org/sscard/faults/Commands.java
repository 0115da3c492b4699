package org.sscard.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command of the machine to its end and returns what it printed; fails the test if it fails. */
final class Commands {

	private Commands() {
	}

	static String run(String... command) {
		String output = runQuietly(command);
		if (output == null) {
			throw new IllegalStateException("command failed: " + String.join(" ", command));
		}
		return output;
	}

	/** The command's output, or null if it failed (the output then goes to the test's log). */
	static String runQuietly(String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				System.err.println("timed out: " + String.join(" ", command) + "\n" + output);
				return null;
			}
			if (process.exitValue() != 0) {
				System.err.println("exit " + process.exitValue() + ": " + String.join(" ", command) + "\n" + output);
				return null;
			}
			return output;
		}
		catch (IOException ex) {
			System.err.println("cannot run " + String.join(" ", command) + ": " + ex.getMessage());
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
