package org.sscard.reference;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.branch.BranchDirectory;
import org.sscard.branch.BranchRef;
import org.sscard.shared.BranchKind;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;
import org.sscard.shared.ProblemCodes;
import org.sscard.shared.ValidFormat;
import org.sscard.shared.ValidFormat.Format;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import static org.sscard.shared.ErrorCode.NOT_FOUND;

/**
 * Read-only reference data for any signed-in caller, so that a console can show names where the
 * API answers codes: regions (GB/T 2260), banks, and a branch's record. Nothing here is personal
 * or secret, and nothing changes a card.
 */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference data")
class ReferenceController {

	private final ReferenceTables tables;

	private final BranchDirectory branches;

	ReferenceController(ReferenceTables tables, BranchDirectory branches) {
		this.tables = tables;
		this.branches = branches;
	}

	@GetMapping
	@Operation(summary = "Region and bank names (any signed-in caller)",
			description = "The GB/T 2260 regions this installation names (every province, and the cities and districts "
					+ "it serves) and the banks whose codes it uses, each with its Chinese and English name. A region "
					+ "code not listed is named by its city (first four digits + `00`) or its province (first two + "
					+ "`0000`).")
	ReferenceData tables() {
		return new ReferenceData(this.tables.regions().stream().map(Named::of).toList(),
				this.tables.banks().stream().map(Named::of).toList());
	}

	@GetMapping("/branches/{branchCode}")
	@ProblemCodes({ NOT_FOUND })
	@Operation(summary = "A branch's record (any signed-in caller)",
			description = "Its name, kind, region and bank, e.g. to name the branch of an activation or an audit event, "
					+ "or the caller's own branch. 404 NOT_FOUND for an unknown code; 400 for a malformed one.")
	BranchRecord branch(@PathVariable @ValidFormat(Format.BRANCH_CODE) String branchCode) {
		return this.branches.find(branchCode)
			.map(BranchRecord::of)
			.orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "There is no branch " + branchCode + "."));
	}

	@Schema(description = "Names behind the codes of card views, branches and audit events")
	record ReferenceData(
			@ArraySchema(maxItems = 5000, schema = @Schema(implementation = Named.class),
					arraySchema = @Schema(description = "GB/T 2260 regions, provinces first")) List<Named> regions,
			@ArraySchema(maxItems = 500, schema = @Schema(implementation = Named.class),
					arraySchema = @Schema(description = "Banks by the codes branches and financial accounts carry")) List<Named> banks) {
	}

	@Schema(description = "A code and its official Chinese name, with an English one")
	record Named(@Schema(maxLength = 10, pattern = "^[0-9A-Z]{2,10}$", example = "440305") String code,
			@Schema(maxLength = 100, example = "南山区") String name,
			@Schema(maxLength = 100, example = "Nanshan") String nameEn) {

		static Named of(ReferenceTables.Name name) {
			return new Named(name.code(), name.name(), name.nameEn());
		}

	}

	@Schema(description = "A branch as it was opened")
	record BranchRecord(@Schema(maxLength = 32, pattern = "^[A-Z0-9-]{3,32}$", example = "SZ-ICBC-01") String code,
			@Schema(maxLength = 100, example = "工商银行深圳南山支行") String name, BranchKind kind,
			String regionCode, @Schema(nullable = true, description = "The bank of a BANK_BRANCH, else null") String bankCode) {

		static BranchRecord of(BranchRef branch) {
			return new BranchRecord(branch.code(), branch.name(), branch.kind(), branch.regionCode(), branch.bankCode());
		}

	}

}
