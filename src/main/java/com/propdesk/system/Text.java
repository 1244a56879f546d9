package com.propdesk.system;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import com.propdesk.system.TextRules.Lines;

/** A text field of a request body checked by {@link TextRules}, for records validated with {@code @Valid}. */
@Documented
@Constraint(validatedBy = Text.Check.class)
@Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface Text {

	/** The most characters its column holds. */
	int max();

	boolean required() default true;

	Lines lines() default Lines.ONE;

	String message() default "必填";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<Text, String> {

		private Text text;

		@Override
		public void initialize(Text text) {
			this.text = text;
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			List<FieldProblem> problems = new ArrayList<>();
			if (text.required()) {
				TextRules.required(problems, "", value, text.lines(), text.max(), text.message());
			}
			else {
				TextRules.optional(problems, "", value, text.lines(), text.max());
			}
			if (problems.isEmpty()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			// the message is literal text, not a message template
			String message = problems.get(0).message().replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
					.replace("$", "\\$");
			context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			return false;
		}

	}

}
