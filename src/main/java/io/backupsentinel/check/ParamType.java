package io.backupsentinel.check;

/** The type of a check parameter, as written in YAML and as it appears in the JSON Schema. */
public enum ParamType {
    /** {@code 1h}, {@code 35d}: read as {@link java.time.Duration}. */
    DURATION,
    /** a whole number: read as {@link Long}. */
    INTEGER,
    BOOLEAN,
    STRING,
    /** one of {@link ParamSpec#allowed()}. */
    ENUM,
    /** a list of strings. */
    STRING_LIST,
    /** a list of values from {@link ParamSpec#allowed()}. */
    ENUM_LIST
}
