package org.sscard.staff;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ChannelClients extends JpaRepository<ChannelClient, Long> {

	Optional<ChannelClient> findByClientId(String clientId);

	boolean existsByClientId(String clientId);

}
