package org.sscard.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.sscard.faults.ServiceInstance.Secrets;

/**
 * Instances of the packaged jar behind HAProxy on one database of the machine's PostgreSQL
 * (127.0.0.1:5432, a database of the test's own, dropped at the end), with the card centre's data.
 */
final class Deployment implements AutoCloseable {

	static final int DB_PORT = 5432;

	static final int BALANCER_PORT = 18190;

	final String database = PostgresCluster.PREFIX + "_" + UUID.randomUUID().toString().substring(0, 8);

	final Secrets secrets = Secrets.random();

	private final List<ServiceInstance> instances = new ArrayList<>();

	private LoadBalancer balancer;

	CardCentre centre;

	/** Creates the database and starts HAProxy over {@code instancePorts} (each may be started later). */
	Deployment(List<Integer> instancePorts) throws Exception {
		PostgresConnections.execute(DB_PORT, "postgres", "create database " + this.database);
		this.balancer = LoadBalancer.start(BALANCER_PORT, instancePorts);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + DB_PORT + "/" + this.database;
	}

	ServiceInstance start(String name, int port, String... arguments) throws Exception {
		ServiceInstance instance = ServiceInstance.start(name, port, jdbcUrl(), this.secrets, arguments);
		this.instances.add(instance);
		return instance;
	}

	/** Seeds the cards and creates the staff through the instance on {@code port}. */
	void prepare(int port, int cards, int active) throws Exception {
		this.centre = CardCentre.prepare(DB_PORT, this.database, port, this.secrets, cards, active);
	}

	TellerLoad loadThroughBalancer(int signInPort) {
		return this.centre.load(this.balancer.baseUrl(), signInPort, 3, 3);
	}

	@Override
	public void close() throws Exception {
		this.instances.forEach(ServiceInstance::close);
		if (this.balancer != null) {
			this.balancer.close();
		}
		PostgresConnections.execute(DB_PORT, "postgres", "drop database if exists " + this.database + " with (force)");
	}

}
