package org.sscard.staff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.shared.Channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration")
class StaffAdminController {

	private final StaffDirectory staff;

	StaffAdminController(StaffDirectory staff) {
		this.staff = staff;
	}

	@PostMapping("/operators")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an operator (ADMIN)",
			description = "A TELLER works at a BANK_BRANCH, a SERVICE_WINDOW at a SERVICE_HALL, HOSPITAL or PHARMACY "
					+ "(else 400 VALIDATION_FAILED); 409 DUPLICATE for a name in use. The password is never returned.")
	OperatorView addOperator(@Valid @RequestBody AddOperatorRequest request) {
		Principal added = this.staff.addOperator(request.username(), request.password(), request.role(),
				request.branchCode());
		return new OperatorView(added.name(), added.role(), added.branchCode());
	}

	@PostMapping("/channel-clients")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a channel client (ADMIN)",
			description = "bankCode is required for MOBILE_BANKING; 409 DUPLICATE for a name in use. The secret is never returned.")
	ChannelClientView addChannelClient(@Valid @RequestBody AddChannelClientRequest request) {
		Principal added = this.staff.addChannelClient(request.clientId(), request.secret(), request.channel(),
				request.bankCode());
		return new ChannelClientView(added.name(), added.channel(), added.bankCode());
	}

	record AddOperatorRequest(@NotNull @Pattern(regexp = "[a-z0-9._-]{3,64}") String username,
			@NotNull @Size(min = 12, max = 72) String password, @NotNull OperatorRole role,
			@Pattern(regexp = "[A-Z0-9-]{3,32}") String branchCode) {

		@Override
		public String toString() {
			return "AddOperatorRequest[username=" + this.username + "]";
		}

	}

	record OperatorView(String username, OperatorRole role, String branchCode) {
	}

	record AddChannelClientRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{3,64}") String clientId,
			@NotNull @Size(min = 24, max = 72) String secret, @NotNull Channel channel,
			@Pattern(regexp = "[A-Z]{2,10}") String bankCode) {

		@Override
		public String toString() {
			return "AddChannelClientRequest[clientId=" + this.clientId + "]";
		}

	}

	record ChannelClientView(String clientId, Channel channel, String bankCode) {
	}

}
