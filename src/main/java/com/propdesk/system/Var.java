package com.propdesk.system;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A process variable: its name, which diagrams, forms, running cases and history know it by and which
 * never changes, and its type, so code reads a due time as an {@link OffsetDateTime} and not as text
 * to parse. Reading converts what is stored (a form's text, an engine {@link Date}) into the type;
 * writing stores what the engine, timers and forms read back.
 *
 * @param <T> the type code reads and writes
 */
public final class Var<T> {

	/** How staff type a time into a text field: {@code 2026-12-01 18:00}, estate time. */
	public static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final String name;

	private final Class<T> type;

	private final Function<Object, T> read;

	private final Function<T, Object> write;

	private Var(String name, Class<T> type, Function<Object, T> read, Function<T, Object> write) {
		this.name = name;
		this.type = type;
		this.read = read;
		this.write = write;
	}

	/** A text: read trimmed; {@link #text} reads absent and null as an empty string. */
	public static Var<String> text(String name) {
		return new Var<>(name, String.class, value -> value.toString().trim(), value -> value);
	}

	/** A form's checkbox or a decision's flag: absent and null read as {@code false} through {@link #isTrue}. */
	public static Var<Boolean> flag(String name) {
		return new Var<>(name, Boolean.class, value -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString()),
				value -> value);
	}

	public static Var<Integer> integer(String name) {
		return new Var<>(name, Integer.class, value -> value instanceof Number n ? n.intValue() : Integer.valueOf(value.toString().trim()),
				value -> value);
	}

	/** A form's number field (a long or a double as form-js sends it). */
	public static Var<Double> number(String name) {
		return new Var<>(name, Double.class, value -> value instanceof Number n ? n.doubleValue() : Double.valueOf(value.toString().trim()),
				value -> value);
	}

	/**
	 * A point in time, stored as a {@link Date} (what a timer's {@code timeDate} and Tasklist read; a form's
	 * date-time picker is stored so too); read also from text, ISO-8601 with offset, without offset in estate time,
	 * or typed as {@link #TYPED_TIME} in estate time (cases whose form stored text before the picker), so a value
	 * stored as text reads the same. Text that is none of them throws {@link DateTimeParseException}.
	 */
	public static Var<OffsetDateTime> time(String name) {
		return new Var<>(name, OffsetDateTime.class, Var::toTime, value -> value == null ? null : Date.from(value.toInstant()));
	}

	/** A day, stored as text {@code yyyy-MM-dd} (how a form field holds it). */
	public static Var<LocalDate> date(String name) {
		return new Var<>(name, LocalDate.class, value -> value instanceof Date d ? LocalDate.ofInstant(d.toInstant(), ZoneId.systemDefault())
				: LocalDate.parse(value.toString().trim()), value -> value == null ? null : value.toString());
	}

	/** A decision's single result ({@code mapDecisionResult="singleResult"}), read as a record; never written by code. */
	public static <T> Var<T> decision(String name, Class<T> type, Function<Map<String, Object>, T> from) {
		return new Var<>(name, type, value -> from.apply(asMap(value)), value -> {
			throw new UnsupportedOperationException(name + " is written by its decision table");
		});
	}

	/** Any other value the engine stores as it is (a list of names, say). */
	public static <T> Var<T> of(String name, Class<T> type) {
		return new Var<>(name, type, type::cast, value -> value);
	}

	public String name() {
		return name;
	}

	public Class<T> type() {
		return type;
	}

	/** The value, or null when the variable is absent or null (or blank text of a non-text type). */
	public T get(VariableScope scope) {
		return convert(scope.getVariable(name));
	}

	/** The value set on this scope itself: an input parameter of the element that runs. */
	public T getLocal(VariableScope scope) {
		return convert(scope.getVariableLocal(name));
	}

	public T convert(Object value) {
		if (value == null || (type != String.class && value instanceof String s && s.isBlank())) {
			return null;
		}
		return read.apply(value);
	}

	/**
	 * What staff entered, as text: absent, null and blank all read as an empty string; a time picked in a form
	 * (stored as a date) reads as people write it, {@code 2026-12-01 18:00} estate time.
	 */
	public String text(VariableScope scope) {
		Object value = scope.getVariable(name);
		if (value instanceof Date date) {
			return TYPED_TIME.format(date.toInstant().atZone(ZoneId.systemDefault()));
		}
		return value == null ? "" : value.toString().trim();
	}

	/** True only when set and true. */
	public boolean isTrue(VariableScope scope) {
		return Boolean.TRUE.equals(get(scope));
	}

	public boolean isSet(VariableScope scope) {
		return scope.hasVariable(name);
	}

	public void set(VariableScope scope, T value) {
		scope.setVariable(name, stored(value));
	}

	/**
	 * Sets the value for the rest of this transaction only: a gateway right after the step reads it, and nothing is
	 * stored (no variable row, no history of it), so it must not be needed after the next wait state.
	 */
	public void setTransient(VariableScope scope, T value) {
		scope.setVariable(name, Variables.untypedValue(stored(value), true));
	}

	/** The value as the engine stores it, for a map of variables a task completes or a process starts with. */
	public Object stored(T value) {
		return write.apply(value);
	}

	@Override
	public String toString() {
		return name;
	}

	private static OffsetDateTime toTime(Object value) {
		if (value instanceof Date date) {
			return OffsetDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
		}
		if (value instanceof OffsetDateTime time) {
			return time;
		}
		String text = value.toString().trim();
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException notIso) {
			LocalDateTime local;
			try {
				local = LocalDateTime.parse(text);
			}
			catch (DateTimeParseException notLocalIso) {
				local = LocalDateTime.parse(text, TYPED_TIME);
			}
			return local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new IllegalStateException("Not a decision result: " + value.getClass().getName());
	}

}
