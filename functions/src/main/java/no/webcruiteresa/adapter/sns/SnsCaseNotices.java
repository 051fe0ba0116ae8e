package no.webcruiteresa.adapter.sns;

import java.util.Map;
import no.webcruiteresa.application.port.CaseNotice;
import no.webcruiteresa.application.port.CaseNotices;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import tools.jackson.databind.ObjectMapper;

/**
 * Publishes each new case to an SNS topic. The unit code also goes as a message attribute, so a unit subscribes
 * with a filter policy ({"administrativeUnit":["OF.2100"]}) and hears only of its own cases.
 */
public class SnsCaseNotices implements CaseNotices {
    /** The attribute a subscription's filter policy matches on. */
    public static final String UNIT_ATTRIBUTE = "administrativeUnit";

    private final SnsClient sns;
    private final String topicArn;
    private final ObjectMapper json;

    public SnsCaseNotices(SnsClient sns, String topicArn, ObjectMapper json) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.json = json;
    }

    @Override
    public void caseCreated(CaseNotice notice) {
        sns.publish(r -> r.topicArn(topicArn)
                .subject("New hiring case " + notice.caseId())
                .message(json.writeValueAsString(notice))
                .messageAttributes(Map.of(UNIT_ATTRIBUTE, MessageAttributeValue.builder().dataType("String")
                        .stringValue(notice.administrativeUnit()).build())));
    }
}
