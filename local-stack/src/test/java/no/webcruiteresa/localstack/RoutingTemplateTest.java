package no.webcruiteresa.localstack;

import static no.webcruiteresa.localstack.SamTemplate.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.webcruiteresa.localstack.TemplatePolicies.Resolver;
import no.webcruiteresa.localstack.TemplatePolicies.Statement;
import org.junit.jupiter.api.Test;

/**
 * The case notice topic in template.yaml: encrypted with the stack's key, published to only by the two functions
 * that create cases, only with sns:Publish and only on that topic, and named to them in their environment.
 */
class RoutingTemplateTest {
    private static final SamTemplate TEMPLATE = SamTemplate.fromClasspath();

    @Test
    void theNoticeTopicIsEncryptedWithTheStacksKey() {
        assertThat(TEMPLATE.resource("CaseNoticeTopic")).containsEntry("Type", "AWS::SNS::Topic");
        assertThat(map(TEMPLATE.properties("CaseNoticeTopic").get("KmsMasterKeyId"))).containsEntry("Ref", "DataKey");
    }

    @Test
    void onlyTheFunctionsThatCreateCasesMayPublish_onlyToTheNoticeTopic() {
        for (String function : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            String role = SamTemplate.referencedId(TEMPLATE.properties(function).get("Role"));
            List<Statement> sns = TemplatePolicies.statements(TEMPLATE, role, Resolver.symbolic()).stream()
                    .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("sns:"))).toList();
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = map(map(TEMPLATE.properties(function).get("Environment")).get("Variables"));
            boolean createsCases = function.equals("CreateCaseFunction") || function.equals("ArchiveDocumentFunction");
            if (createsCases) {
                assertThat(sns).as(function).singleElement().satisfies(s -> {
                    assertThat(s.effect()).isEqualTo("Allow");
                    assertThat(s.actions()).containsExactly("sns:Publish");
                    assertThat(s.resources()).containsExactly("${CaseNoticeTopic}");
                });
                assertThat(map(variables.get("WEBCRUITERESA_CASENOTICES_TOPICARN"))).as(function)
                        .containsEntry("Ref", "CaseNoticeTopic");
            } else {
                assertThat(sns).as(function + " publishes nothing").isEmpty();
                assertThat(variables).as(function).doesNotContainKey("WEBCRUITERESA_CASENOTICES_TOPICARN");
            }
        }
    }
}
