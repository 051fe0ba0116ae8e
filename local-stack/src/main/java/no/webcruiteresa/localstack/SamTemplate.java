package no.webcruiteresa.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads template.yaml, the one description of how the pieces are wired, so the local stack and the tests
 * wire themselves from it instead of from a copy. CloudFormation's short-form tags (!Ref, !GetAtt, !Sub …)
 * become single-key maps such as {"Ref": "X"}, as their long forms would be.
 */
public final class SamTemplate {
    private final Map<String, Object> template;

    private SamTemplate(Map<String, Object> template) {
        this.template = template;
    }

    public static SamTemplate fromClasspath() {
        try (InputStream in = SamTemplate.class.getResourceAsStream("/template.yaml")) {
            if (in == null) {
                throw new IllegalStateException("template.yaml is not on the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static SamTemplate parse(InputStream in) {
        return new SamTemplate((Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(in));
    }

    public Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    public Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources().get(logicalId));
        if (resource.isEmpty()) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    public Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).get("Properties"));
    }

    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    public Map<String, Object> globals() {
        return map(map(template.get("Globals")).get("Function"));
    }

    public Map<String, Object> parameter(String name) {
        return map(map(template.get("Parameters")).get(name));
    }

    public Object parameterDefault(String name) {
        return map(map(map(template.get("Parameters")).get(name))).get("Default");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The logical id behind {"Fn::GetAtt": "X.Arn"}, {"Fn::GetAtt": ["X", "Arn"]} or {"Ref": "X"}. */
    public static String referencedId(Object value) {
        Map<String, Object> ref = map(value);
        if (ref.containsKey("Ref")) {
            return String.valueOf(ref.get("Ref"));
        }
        Object getAtt = ref.get("Fn::GetAtt");
        if (getAtt instanceof String s) {
            return s.substring(0, s.indexOf('.'));
        }
        if (getAtt instanceof List<?> l && !l.isEmpty()) {
            return String.valueOf(l.get(0));
        }
        throw new IllegalArgumentException("not a reference: " + value);
    }

    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String tag : List.of("Ref", "Condition")) {
                yamlConstructors.put(new org.yaml.snakeyaml.nodes.Tag("!" + tag), new Tagged(tag));
            }
            for (String fn : List.of("GetAtt", "Sub", "Join", "If", "Not", "Equals", "And", "Or", "Select",
                    "Split", "FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr", "Transform")) {
                yamlConstructors.put(new org.yaml.snakeyaml.nodes.Tag("!" + fn), new Tagged("Fn::" + fn));
            }
        }

        private final class Tagged extends AbstractConstruct {
            private final String key;

            Tagged(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(key, value);
                return result;
            }
        }
    }
}
