package org.sscard.feed;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that runs one task when woken, and at least every {@code interval}: wake-ups
 * that arrive while the task runs make it run once more, never in parallel and never lost. A
 * woken worker lingers a moment first, so that the commits of a busy moment make one round: at a
 * few hundred commits a second a round per commit cost a third of the service's throughput.
 */
final class Worker {

	private static final Logger log = LoggerFactory.getLogger(Worker.class);

	private final String name;

	private final Duration interval;

	private final Duration linger;

	private final Runnable task;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile Thread thread;

	private boolean failing;

	Worker(String name, Duration interval, Duration linger, Runnable task) {
		this.name = name;
		this.interval = interval;
		this.linger = linger;
		this.task = task;
	}

	void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	synchronized void start() {
		if (this.thread == null) {
			Thread started = new Thread(this::loop, this.name);
			started.setDaemon(true);
			this.thread = started;
			started.start();
		}
	}

	synchronized void stop() {
		Thread running = this.thread;
		this.thread = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	boolean isRunning() {
		return this.thread != null;
	}

	private void loop() {
		while (this.thread == Thread.currentThread()) {
			try {
				if (this.wakeUps.tryAcquire(this.interval.toMillis(), TimeUnit.MILLISECONDS) && !this.linger.isZero()) {
					Thread.sleep(this.linger.toMillis());
				}
				this.wakeUps.drainPermits();
				this.task.run();
				this.failing = false;
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// The database is away, most likely: the next round tries again. Said once per outage.
				if (!this.failing) {
					log.warn("{} failed, will retry: {}", this.name, ex.toString());
				}
				this.failing = true;
			}
		}
	}

}
