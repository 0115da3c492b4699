package org.sscard.staff;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.shared.Channel;
import org.sscard.shared.ValidFormat;
import org.sscard.shared.ValidFormat.Format;
import org.sscard.shared.FieldValidationException;
import org.sscard.shared.ProblemCodes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import static org.sscard.shared.ErrorCode.*;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration")
class StaffAdminController {

	private static final String MERGE_PATCH = "application/merge-patch+json";

	private static final String JSON = "application/json";

	private final StaffDirectory staff;

	StaffAdminController(StaffDirectory staff) {
		this.staff = staff;
	}

	@PostMapping("/operators")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes({ DUPLICATE })
	@Operation(summary = "Add an operator (ADMIN)",
			description = "A TELLER works at a BANK_BRANCH, a SERVICE_WINDOW at a SERVICE_HALL, HOSPITAL or PHARMACY "
					+ "(else 400 VALIDATION_FAILED); 409 DUPLICATE for a name in use by an operator or a channel client, "
					+ "in any capitalisation. The password (12 characters to 72 bytes in UTF-8) is never returned.")
	OperatorView addOperator(@Valid @RequestBody AddOperatorRequest request, Authentication admin) {
		return OperatorView.of(this.staff.addOperator(request.username(), request.password(), request.role(),
				request.branchCode(), admin.getName()));
	}

	@PatchMapping(path = "/operators/{username}", consumes = { MERGE_PATCH, JSON })
	@ProblemCodes({ NOT_FOUND })
	@Operation(summary = "Change an operator (ADMIN): {\"enabled\"?, \"role\"?, \"branchCode\"?, \"password\"?}",
			description = "JSON merge patch: absent fields stay as they are; branchCode null removes the branch (ADMIN "
					+ "only). Same rules as adding. Any change revokes the operator's tokens at once on every instance; "
					+ "a disabled operator cannot sign in. 404 NOT_FOUND for an unknown operator.")
	OperatorView changeOperator(@PathVariable String username, @RequestBody JsonNode patch, Authentication admin) {
		Patch fields = Patch.of(patch, Set.of("enabled", "role", "branchCode", "password"));
		String branchCode = fields.text("branchCode", true);
		if (branchCode != null && !branchCode.matches("[A-Z0-9-]{3,32}")) {
			throw new FieldValidationException("branchCode", "must match [A-Z0-9-]{3,32}");
		}
		String password = fields.text("password", false);
		if (password != null) {
			Credentials.checkPassword(password);
		}
		return OperatorView.of(this.staff.changeOperator(username, fields.bool("enabled"), fields.role(),
				fields.has("branchCode"), branchCode, password, admin.getName()));
	}

	@PostMapping("/channel-clients")
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes({ DUPLICATE })
	@Operation(summary = "Add a channel client (ADMIN)",
			description = "bankCode is required for MOBILE_BANKING; 409 DUPLICATE for a name in use by an operator or "
					+ "a channel client, in any capitalisation. The secret (24 characters to 72 bytes in UTF-8) is "
					+ "never returned.")
	ChannelClientView addChannelClient(@Valid @RequestBody AddChannelClientRequest request, Authentication admin) {
		return ChannelClientView.of(this.staff.addChannelClient(request.clientId(), request.secret(),
				request.channel(), request.bankCode(), admin.getName()));
	}

	@PatchMapping(path = "/channel-clients/{clientId}", consumes = { MERGE_PATCH, JSON })
	@ProblemCodes({ NOT_FOUND })
	@Operation(summary = "Change a channel client (ADMIN): {\"enabled\"?, \"secret\"?}",
			description = "JSON merge patch. Any change revokes the client's tokens at once on every instance; a "
					+ "disabled client cannot sign in. 404 NOT_FOUND for an unknown client.")
	ChannelClientView changeChannelClient(@PathVariable String clientId, @RequestBody JsonNode patch,
			Authentication admin) {
		Patch fields = Patch.of(patch, Set.of("enabled", "secret"));
		String secret = fields.text("secret", false);
		if (secret != null) {
			Credentials.checkSecret(secret);
		}
		return ChannelClientView.of(this.staff.changeChannelClient(clientId, fields.bool("enabled"), secret,
				admin.getName()));
	}

	record AddOperatorRequest(@NotNull @Pattern(regexp = "[a-z0-9._-]{3,64}") String username,
			@NotNull @Size(min = Credentials.MIN_PASSWORD) @Utf8MaxBytes String password, @NotNull OperatorRole role,
			@ValidFormat(Format.BRANCH_CODE) String branchCode) {

		@Override
		public String toString() {
			return "AddOperatorRequest[username=" + this.username + "]";
		}

	}

	record OperatorView(String username, OperatorRole role, String branchCode, boolean enabled) {

		static OperatorView of(Principal operator) {
			return new OperatorView(operator.name(), operator.role(), operator.branchCode(), operator.enabled());
		}

	}

	record AddChannelClientRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String clientId,
			@NotNull @Size(min = Credentials.MIN_SECRET) @Utf8MaxBytes String secret, @NotNull Channel channel,
			@ValidFormat(Format.BANK_CODE) String bankCode) {

		@Override
		public String toString() {
			return "AddChannelClientRequest[clientId=" + this.clientId + "]";
		}

	}

	record ChannelClientView(String clientId, Channel channel, String bankCode, boolean enabled) {

		static ChannelClientView of(Principal client) {
			return new ChannelClientView(client.name(), client.channel(), client.bankCode(), client.enabled());
		}

	}

	/**
	 * A JSON merge patch body read field by field: merge patch tells an absent field (leave it)
	 * from an explicit null (remove it), which a record cannot. Anything unexpected is a 400
	 * naming the field.
	 */
	private record Patch(Map<String, JsonNode> fields) {

		static Patch of(JsonNode body, Set<String> allowed) {
			if (body == null || !body.isObject()) {
				throw new FieldValidationException("body", "must be a JSON object");
			}
			Map<String, JsonNode> fields = new HashMap<>();
			for (Map.Entry<String, JsonNode> field : body.properties()) {
				if (!allowed.contains(field.getKey())) {
					throw new FieldValidationException(field.getKey(), "is not a property of this record");
				}
				fields.put(field.getKey(), field.getValue());
			}
			return new Patch(fields);
		}

		boolean has(String name) {
			return this.fields.containsKey(name);
		}

		Boolean bool(String name) {
			JsonNode value = this.fields.get(name);
			if (value == null) {
				return null;
			}
			if (!value.isBoolean()) {
				throw new FieldValidationException(name, "must be true or false");
			}
			return value.booleanValue();
		}

		String text(String name, boolean nullable) {
			JsonNode value = this.fields.get(name);
			if (value == null || (nullable && value.isNull())) {
				return null;
			}
			if (!value.isString()) {
				throw new FieldValidationException(name, "must be a string");
			}
			return value.stringValue();
		}

		OperatorRole role() {
			String role = text("role", false);
			if (role == null) {
				return null;
			}
			try {
				return OperatorRole.valueOf(role);
			}
			catch (IllegalArgumentException ex) {
				throw new FieldValidationException("role", "must be one of TELLER, SERVICE_WINDOW, ADMIN");
			}
		}

	}

}
