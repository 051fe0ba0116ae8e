package no.webcruiteresa.localstack;

import static no.webcruiteresa.localstack.SamTemplate.list;
import static no.webcruiteresa.localstack.SamTemplate.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM statements of a role in template.yaml with CloudFormation's functions resolved (Ref, Fn::GetAtt,
 * Fn::Sub, Fn::If, Fn::Join, AWS::NoValue), by a {@link Resolver} that says what each name stands for: symbols
 * such as {@code ${DropBucket}} for checks on the template itself, or a running emulator's names and ARNs.
 */
final class TemplatePolicies {
    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!]+)}");

    /**
     * @param ref       a parameter, pseudo parameter or resource by name, as !Ref answers it
     * @param attribute "Logical.Attribute", as !GetAtt answers it
     * @param condition whether a condition of the template holds
     */
    record Resolver(Function<String, Object> ref, Function<String, Object> attribute, Predicate<String> condition) {
        /** Every name as a symbol ({@code ${DropBucket}}, {@code ${DataKey.Arn}}), every condition true. */
        static Resolver symbolic() {
            return new Resolver(name -> "${" + name + "}", name -> "${" + name + "}", condition -> true);
        }
    }

    /** One statement, resolved: its actions and resources as lists. */
    record Statement(String sid, String effect, List<String> actions, List<String> resources) {
        boolean allows(String action) {
            return effect.equals("Allow") && actions.contains(action);
        }
    }

    private TemplatePolicies() {
    }

    /** The inline policies' statements of an AWS::IAM::Role. */
    static List<Statement> statements(SamTemplate template, String roleId, Resolver resolver) {
        List<Statement> statements = new ArrayList<>();
        for (Object policy : list(template.properties(roleId).get("Policies"))) {
            Object document = resolve(map(policy).get("PolicyDocument"), resolver);
            for (Object statement : list(map(document).get("Statement"))) {
                Map<String, Object> s = map(statement);
                statements.add(new Statement(String.valueOf(s.get("Sid")), String.valueOf(s.get("Effect")),
                        strings(s.get("Action")), strings(s.get("Resource"))));
            }
        }
        return statements;
    }

    /** The role's statements as an IAM policy document (JSON), for an emulator that enforces IAM. */
    static String policyJson(List<Statement> statements) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            json.append(i == 0 ? "" : ",").append("{\"Sid\":").append(quote(s.sid().replaceAll("[^A-Za-z0-9]", "")))
                    .append(",\"Effect\":").append(quote(s.effect())).append(",\"Action\":").append(array(s.actions()))
                    .append(",\"Resource\":").append(array(s.resources())).append('}');
        }
        return json.append("]}").toString();
    }

    static List<String> strings(Object value) {
        if (value instanceof List<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** A template value with every function resolved. */
    static Object resolve(Object node, Resolver resolver) {
        Object resolved = resolveOrNoValue(node, resolver);
        return resolved == NO_VALUE ? null : resolved;
    }

    private static Object resolveOrNoValue(Object node, Resolver resolver) {
        if (node instanceof List<?> values) {
            List<Object> out = new ArrayList<>();
            for (Object value : values) {
                Object resolved = resolveOrNoValue(value, resolver);
                if (resolved != NO_VALUE) {
                    out.add(resolved);
                }
            }
            return out;
        }
        if (!(node instanceof Map<?, ?>)) {
            return node;
        }
        Map<String, Object> m = map(node);
        if (m.size() == 1) {
            String key = m.keySet().iterator().next();
            Object argument = m.get(key);
            switch (key) {
                case "Ref" -> {
                    return argument.equals("AWS::NoValue") ? NO_VALUE : resolver.ref().apply(String.valueOf(argument));
                }
                case "Fn::GetAtt" -> {
                    String name = argument instanceof List<?> l ? l.get(0) + "." + l.get(1) : String.valueOf(argument);
                    return resolver.attribute().apply(name);
                }
                case "Fn::If" -> {
                    List<Object> branches = list(argument);
                    return resolveOrNoValue(resolver.condition().test(String.valueOf(branches.get(0)))
                            ? branches.get(1) : branches.get(2), resolver);
                }
                case "Fn::Join" -> {
                    List<Object> parts = list(argument);
                    return String.join(String.valueOf(parts.get(0)),
                            strings(resolveOrNoValue(parts.get(1), resolver)));
                }
                case "Fn::Sub" -> {
                    return sub(argument, resolver);
                }
                default -> {
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((key, value) -> {
            Object resolved = resolveOrNoValue(value, resolver);
            if (resolved != NO_VALUE) {
                out.put(key, resolved);
            }
        });
        return out;
    }

    private static String sub(Object argument, Resolver resolver) {
        String text = argument instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(argument);
        Map<String, Object> variables = argument instanceof List<?> l && l.size() > 1 ? map(l.get(1)) : Map.of();
        Matcher matcher = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = variables.containsKey(name) ? resolve(variables.get(name), resolver)
                    : name.contains(".") && !name.startsWith("AWS::") ? resolver.attribute().apply(name)
                    : resolver.ref().apply(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String array(List<String> values) {
        return "[" + String.join(",", values.stream().map(TemplatePolicies::quote).toList()) + "]";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
