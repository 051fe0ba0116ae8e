package no.webcruiteresa.adapter.sqs;

import no.webcruiteresa.application.port.ArchivedNotice;
import no.webcruiteresa.application.port.ArchivedNotices;
import software.amazon.awssdk.services.sqs.SqsClient;
import tools.jackson.databind.ObjectMapper;

/** Sends "archived" notices to the queue that triggers removeXmlAttachment. */
public class SqsArchivedNotices implements ArchivedNotices {
    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper json;

    public SqsArchivedNotices(SqsClient sqs, String queueUrl, ObjectMapper json) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
    }

    @Override
    public void publish(ArchivedNotice notice) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(json.writeValueAsString(notice)));
    }
}
