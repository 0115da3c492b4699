package org.sscard.card.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface FinancialAccounts extends JpaRepository<FinancialAccount, Long> {

	boolean existsByAccountNumber(String accountNumber);

}
