package org.sscard.audit;

public enum Outcome {

	SUCCEEDED, REJECTED

}
