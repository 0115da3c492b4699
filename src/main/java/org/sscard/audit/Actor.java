package org.sscard.audit;

import org.sscard.shared.Channel;

/** Who did something, through which channel, at which branch (null online). */
public record Actor(String name, Channel channel, String branchCode) {
}
