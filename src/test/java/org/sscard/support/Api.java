package org.sscard.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A black-box HTTP client for the running service, as the console or a channel backend would call it. */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response post(String path, String token, Object body) {
		return post(path, token, body, Map.of());
	}

	public Response post(String path, String token, Object body, Map<String, String> headers) {
		String text = (body instanceof String raw) ? raw : JSON.writeValueAsString(body);
		HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
		headers.forEach(request::header);
		return send(request);
	}

	public Response send(String method, String path, String token, String contentType, String body) {
		return send(method, path, token, contentType, body, Map.of());
	}

	public Response send(String method, String path, String token, String contentType, String body,
			Map<String, String> headers) {
		HttpRequest.Builder request = request(path, token).method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		return send(request);
	}

	public Response basic(String path, String username, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Basic " + credentials)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** An access token for these credentials; fails the test if sign-in fails. */
	public String token(String username, String password) {
		Response response = basic("/api/v1/auth/token", username, password);
		if (response.status() != 200) {
			throw new AssertionError("sign-in of " + username + " failed: " + response);
		}
		return response.json().get("access_token").asString();
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
			return new Response(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, Map<String, String> headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String code() {
			return json().path("code").asString();
		}

		public String text(String pointer) {
			return json().at(pointer).asString();
		}

		public String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
