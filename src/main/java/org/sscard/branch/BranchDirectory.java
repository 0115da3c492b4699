package org.sscard.branch;

import org.sscard.shared.BranchKind;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.shared.DomainException;
import org.sscard.shared.ErrorCode;

/**
 * Opens branches and looks them up. Every authenticated call needs its caller's branch, so
 * lookups are cached; branches cannot be changed or closed through the API, so a cached entry
 * never goes stale, and an instance that has not seen a new branch yet simply loads it.
 */
@Service
public class BranchDirectory {

	private final Branches branches;

	private final Map<String, BranchRef> byCode = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	BranchDirectory(Branches branches, ApplicationEventPublisher events) {
		this.branches = branches;
		this.events = events;
	}

	/** Opened by {@code system} (demo data). */
	@Transactional
	public BranchRef open(String code, String name, BranchKind kind, String regionCode, String bankCode) {
		return open(code, name, kind, regionCode, bankCode, "system");
	}

	@Transactional
	public BranchRef open(String code, String name, BranchKind kind, String regionCode, String bankCode, String by) {
		Branch branch = Branch.open(code, name, kind, regionCode, bankCode);
		if (this.branches.existsByCode(code)) {
			throw new DomainException(ErrorCode.DUPLICATE, "A branch with code " + code + " already exists.");
		}
		BranchRef opened = this.branches.saveAndFlush(branch).ref();
		this.events.publishEvent(new BranchOpened(code, name, kind, regionCode, bankCode, by));
		return opened;
	}

	/**
	 * Not transactional on purpose: it runs for every authenticated call, almost always from the
	 * cache, and a transaction would take a database connection for nothing.
	 */
	public Optional<BranchRef> find(String code) {
		if (code == null) {
			return Optional.empty();
		}
		BranchRef cached = this.byCode.get(code);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<BranchRef> loaded = this.branches.findByCode(code).map(Branch::ref);
		loaded.ifPresent((ref) -> this.byCode.put(code, ref));
		return loaded;
	}

	@Transactional(readOnly = true)
	public String codeOf(Long branchId) {
		return this.branches.findById(branchId).map((b) -> b.ref().code()).orElse(null);
	}

}
