package org.sscard.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bean Validation for the domain's value formats, delegating to the value types so that each
 * rule is written once. {@code null} is valid here; combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ValidFormat.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidFormat {

	Format value();

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	enum Format {

		ID_NUMBER(IdNumber::isValid, "must be an 18-character resident ID number with a valid birth date and check character"),
		PHONE(Phone::isValid, "must be a mainland mobile number (11 digits starting 13-19; +86, spaces and hyphens allowed)"),
		REGION_CODE(RegionCode::isValid, "must be a 6-digit GB/T 2260 region code"),
		ACCOUNT_NUMBER(AccountNumber::isValid, "must be 16-19 digits with a valid Luhn check digit"),
		PIN(matching(NewPin.SHAPE), "must be exactly six digits"),
		CARD_NUMBER(matching("[A-Z0-9]{9}"), "must be 9 capital letters or digits"),
		BRANCH_CODE(matching("[A-Z0-9-]{3,32}"), "must be 3-32 capital letters, digits or hyphens"),
		BANK_CODE(matching("[A-Z]{2,10}"), "must be 2-10 capital letters"),
		/** A person's name: 1-50 characters (counted as characters, so rare CJK ones count once), no control characters. */
		NAME((name) -> !name.isBlank() && name.codePointCount(0, name.length()) <= 50
				&& name.codePoints().noneMatch(Character::isISOControl), "must be 1-50 characters, without control characters");

		private final Predicate<String> test;

		private final String message;

		Format(Predicate<String> test, String message) {
			this.test = test;
			this.message = message;
		}

		private static Predicate<String> matching(String regex) {
			return Pattern.compile(regex).asMatchPredicate();
		}

		/** Whether {@code value} has this format. */
		public boolean test(String value) {
			return value != null && this.test.test(value);
		}

	}

	class Validator implements ConstraintValidator<ValidFormat, String> {

		private Format format;

		private boolean customMessage;

		@Override
		public void initialize(ValidFormat annotation) {
			this.format = annotation.value();
			this.customMessage = !annotation.message().isEmpty();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || this.format.test.test(value)) {
				return true;
			}
			if (!this.customMessage) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(this.format.message).addConstraintViolation();
			}
			return false;
		}

	}

}
