package org.sscard.staff;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory decision every authenticated call asks for. */
class TokenRevocationsTests {

	final TokenRevocations revocations = new TokenRevocations(null, null, null);

	static final Instant CHANGE = Instant.parse("2026-11-27T08:15:00.400Z");

	@Test
	void anUnchangedPrincipalsTokensCount() {
		assertThat(this.revocations.refuses("teller.1", 0L, Instant.now())).isFalse();
		assertThat(this.revocations.refuses("teller.1", null, null)).isFalse();
	}

	@Test
	void tokensOfAnOlderGenerationAreRefusedWhateverTheirTime() {
		this.revocations.apply(new PrincipalState("Teller.1", "OPERATOR", true, 3, CHANGE));

		assertThat(this.revocations.refuses("Teller.1", 2L, CHANGE.plusSeconds(60))).isTrue();
		assertThat(this.revocations.refuses("teller.1", 2L, CHANGE.plusSeconds(60))).isTrue();
		assertThat(this.revocations.refuses("Teller.1", 3L, CHANGE.minusSeconds(1))).isFalse();
	}

	@Test
	void aDisabledPrincipalsTokensAreAllRefused() {
		this.revocations.apply(new PrincipalState("app-1", "CHANNEL_CLIENT", false, 1, CHANGE));

		assertThat(this.revocations.refuses("app-1", 1L, CHANGE.plusSeconds(1))).isTrue();
		assertThat(this.revocations.refuses("app-1", null, CHANGE.plusSeconds(1))).isTrue();
	}

	@Test
	void tokensWithoutAGenerationAreJudgedByTheirIssueSecond() {
		this.revocations.apply(new PrincipalState("idp.user", "OPERATOR", true, 1, CHANGE));

		assertThat(this.revocations.refuses("idp.user", null, Instant.parse("2026-11-27T08:14:59Z"))).isTrue();
		assertThat(this.revocations.refuses("idp.user", null, Instant.parse("2026-11-27T08:15:00Z"))).isFalse();
		assertThat(this.revocations.refuses("idp.user", null, null)).isTrue();
	}

	@Test
	void anOlderStateNeverReplacesANewerOne() {
		this.revocations.apply(new PrincipalState("op.2", "OPERATOR", false, 5, CHANGE));
		this.revocations.apply(new PrincipalState("op.2", "OPERATOR", true, 4, CHANGE));

		assertThat(this.revocations.refuses("op.2", 5L, CHANGE)).isTrue();
	}

	@Test
	void theDatabasesNotificationIsRead() {
		PrincipalState state = TokenRevocations.parse("7|false|1795767300400000|Some.App");

		assertThat(state.name()).isEqualTo("Some.App");
		assertThat(state.tokenGeneration()).isEqualTo(7);
		assertThat(state.enabled()).isFalse();
		assertThat(state.tokensValidFrom()).isEqualTo(Instant.ofEpochSecond(1795767300L, 400_000_000L));
		assertThat(TokenRevocations.parse("1|true||x.y").tokensValidFrom()).isNull();
	}

}
