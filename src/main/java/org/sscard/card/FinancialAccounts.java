package org.sscard.card;

import org.springframework.data.jpa.repository.JpaRepository;

interface FinancialAccounts extends JpaRepository<FinancialAccount, Long> {

	boolean existsByAccountNumber(String accountNumber);

}
