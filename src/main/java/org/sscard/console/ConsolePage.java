package org.sscard.console;

import java.net.URI;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff console is static files under {@code static/console/}, which Spring serves by file
 * name but not at the folder itself. Its relative links only resolve against {@code /console/},
 * hence the redirect. The page is returned here rather than forwarded to: a forward commits the
 * response out of Spring Security's sight, and a HEAD request would then get no security headers.
 */
@Controller
class ConsolePage {

	private static final Resource INDEX = new ClassPathResource("static/console/index.html");

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	@GetMapping("/console")
	ResponseEntity<Void> folder() {
		return ResponseEntity.status(302).location(URI.create("/console/")).build();
	}

	@GetMapping("/console/")
	ResponseEntity<Resource> index() {
		return ResponseEntity.ok().contentType(HTML).body(INDEX);
	}

}
