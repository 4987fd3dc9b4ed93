package io.backupsentinel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.ParamSpec;
import org.yaml.snakeyaml.Yaml;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed rule files for every parameter of every registered check: wrong kinds, out-of-range and overflowing
 * values, written once as the rule's own {@code params} and once as a tier level's override. The other
 * parameters keep the values of the check's own example, so each file holds exactly one fault.
 */
final class ParamFaults {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A faulty value, how far into it the error points (a list's item), and what the message must say. */
    record Bad(String yaml, int offset, String fragment) {
    }

    private ParamFaults() {
    }

    static List<RuleFault> all(CheckRegistry registry) {
        List<RuleFault> out = new ArrayList<>();
        for (Check<?> check : registry.all()) {
            Map<String, Object> example = exampleParams(check);
            String name = check.spec().name();
            for (ParamSpec p : check.spec().params()) {
                Map<String, Object> others = new LinkedHashMap<>(example);
                others.remove(p.name());
                for (Bad bad : faults(p)) {
                    out.add(own(name, p, bad, others));
                    out.add(tier(name, p, bad, example));
                }
            }
            StringBuilder unknown = new StringBuilder(rule(name)).append("    params:\n      nope: 1\n");
            example.forEach((k, v) -> unknown.append("      ").append(k).append(": ").append(json(v)).append('\n'));
            out.add(RuleFault.file("param " + name + " unknown", unknown.toString(), 6, 7, "has no parameter 'nope'"));
        }
        return out;
    }

    /** The rule's own params: the faulty one on line 6. */
    private static RuleFault own(String check, ParamSpec p, Bad bad, Map<String, Object> others) {
        StringBuilder yaml = new StringBuilder(rule(check)).append("    params:\n")
                .append("      ").append(p.name()).append(": ").append(bad.yaml()).append('\n');
        others.forEach((k, v) -> yaml.append("      ").append(k).append(": ").append(json(v)).append('\n'));
        return RuleFault.file("param " + check + "." + p.name() + " = " + bad.yaml(), yaml.toString(), 6,
                7 + p.name().length() + 2 + bad.offset(), bad.fragment());
    }

    /** A tier level's override: the faulty value on line 6, the rule itself valid. */
    private static RuleFault tier(String check, ParamSpec p, Bad bad, Map<String, Object> example) {
        String yaml = "tiers:\n  tag: backup-tier\n  levels:\n    gold:\n      " + check + ":\n        " + p.name()
                + ": " + bad.yaml() + "\n" + rule(check) + "    params: " + json(example) + "\n";
        return RuleFault.file("tier " + check + "." + p.name() + " = " + bad.yaml(), yaml, 6,
                9 + p.name().length() + 2 + bad.offset(), bad.fragment());
    }

    static String rule(String check) {
        return "rules:\n  - name: corpus-rule\n    check: " + check + "\n    severity: high\n";
    }

    static List<Bad> faults(ParamSpec p) {
        List<Bad> out = new ArrayList<>(List.of(new Bad("{a: b}", 0, "not a mapping"), new Bad("~", 0, "not empty")));
        switch (p.type()) {
            case DURATION -> {
                out.add(new Bad("99999999999999d", 0, "at most 100 years"));
                out.add(new Bad("3000000000000000w", 0, "at most 100 years"));
                out.add(new Bad("12345678901234567890s", 0, "at most 100 years"));
                out.add(new Bad("36526d", 0, "at most 100 years"));
                out.add(new Bad("1h 30m", 0, "is not a duration"));
                out.add(new Bad("-1h", 0, "is not a duration"));
                out.add(new Bad("1.5h", 0, "is not a duration"));
                out.add(new Bad("\"\"", 0, "a duration is required"));
                out.add(new Bad("[1h]", 0, "not a list"));
            }
            case INTEGER -> {
                out.add(new Bad("99999999999999999999", 0, "too large"));
                out.add(new Bad("-99999999999999999999", 0, "too large"));
                out.add(new Bad("1.5", 0, "must be a whole number"));
                out.add(new Bad("abc", 0, "not text"));
                out.add(new Bad("\"5\"", 0, "not text"));
                out.add(new Bad("[1]", 0, "not a list"));
                out.add(new Bad("0x7fffffffffffffffff", 0, "written in decimal"));
                if (p.min() != null) {
                    out.add(new Bad(String.valueOf(p.min() - 1), 0, "must be at least " + p.min()));
                }
                if (p.max() != null) {
                    out.add(new Bad(String.valueOf(p.max() + 1), 0, "must be at most " + p.max()));
                }
            }
            case BOOLEAN -> {
                out.add(new Bad("maybe", 0, "must be true or false"));
                out.add(new Bad("1", 0, "must be true or false"));
                out.add(new Bad("[true]", 0, "not a list"));
                out.add(new Bad("99999999999999999999", 0, "must be true or false"));
            }
            case STRING -> out.add(new Bad("[a]", 0, "not a list"));
            case ENUM -> {
                out.add(new Bad("nope", 0, "has no value 'nope'"));
                out.add(new Bad("\"\"", 0, "has no value ''"));
                out.add(new Bad("[a]", 0, "not a list"));
            }
            case STRING_LIST -> {
                out.add(new Bad("abc", 0, "must be a list"));
                out.add(new Bad("[[a]]", 1, "not a list"));
                out.add(new Bad("[{a: b}]", 1, "not a mapping"));
                out.add(new Bad("[~]", 1, "not empty"));
            }
            case ENUM_LIST -> {
                out.add(new Bad("nope", 0, "must be a list"));
                out.add(new Bad("[nope]", 1, "has no value 'nope'"));
                out.add(new Bad("[[a]]", 1, "not a list"));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> exampleParams(Check<?> check) {
        List<Map<String, Object>> rules = new Yaml().load(check.spec().example());
        Object params = rules.get(0).get("params");
        return params == null ? Map.of() : (Map<String, Object>) params;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
