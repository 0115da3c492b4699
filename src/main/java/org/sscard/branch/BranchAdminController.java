package org.sscard.branch;

import org.sscard.shared.BranchKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.shared.ValidFormat;
import org.sscard.shared.ValidFormat.Format;
import org.sscard.shared.ProblemCodes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.sscard.shared.ErrorCode.*;

@RestController
@RequestMapping("/api/v1/admin/branches")
@Tag(name = "Administration")
class BranchAdminController {

	private final BranchDirectory directory;

	BranchAdminController(BranchDirectory directory) {
		this.directory = directory;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@ProblemCodes({ DUPLICATE })
	@Operation(summary = "Open a branch (ADMIN)",
			description = "409 DUPLICATE for a code already in use; 400 VALIDATION_FAILED when bankCode is given for a non-bank branch or missing for a bank branch.")
	BranchView open(@Valid @RequestBody OpenBranchRequest request, Authentication admin) {
		return BranchView.of(this.directory.open(request.code(), request.name().trim(), request.kind(),
				request.regionCode(), request.bankCode(), admin.getName()));
	}

	record OpenBranchRequest(@NotNull @ValidFormat(Format.BRANCH_CODE) String code,
			@NotBlank @Size(max = 100) String name, @NotNull BranchKind kind,
			@NotNull @ValidFormat(Format.REGION_CODE) String regionCode,
			@ValidFormat(Format.BANK_CODE) String bankCode) {
	}

	record BranchView(String code, String name, BranchKind kind, String regionCode, String bankCode) {

		static BranchView of(BranchRef branch) {
			return new BranchView(branch.code(), branch.name(), branch.kind(), branch.regionCode(), branch.bankCode());
		}

	}

}
