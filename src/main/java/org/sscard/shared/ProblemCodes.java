package org.sscard.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The business error codes an operation may answer with, beyond those every operation of its kind
 * can answer (authentication, role, body syntax, idempotency, rate limits, outages), which the
 * OpenAPI document adds by rule. Read only by the OpenAPI document: the codes are the contract's
 * promise to clients, so a handler lists them here rather than in prose.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemCodes {

	ErrorCode[] value();

}
