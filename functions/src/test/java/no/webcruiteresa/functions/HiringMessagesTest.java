package no.webcruiteresa.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.webcruiteresa.domain.Hire;
import no.webcruiteresa.domain.InvalidDropException;
import org.junit.jupiter.api.Test;

class HiringMessagesTest {
    @Test
    void shouldReadACandidateHiredMessage_withOrWithoutAttachments() {
        Hire hire = HiringMessages.candidateHired("{\"type\":\"CandidateHired\",\"caseNumber\":\"240117\","
                + "\"applicantId\":\"A-1001\",\"employeeId\":\"E-20417\",\"applicationDocumentId\":\"WC201-240117-1001\","
                + "\"attachmentDocumentIds\":[\"WC203-240117-1001\"]}");
        assertThat(hire.employeeId()).isEqualTo("E-20417");
        assertThat(hire.attachmentDocumentIds()).containsExactly("WC203-240117-1001");
        assertThat(HiringMessages.candidateHired("{\"caseNumber\":240117,\"applicantId\":\"A-1\",\"employeeId\":\"1\","
                + "\"applicationDocumentId\":\"WC201-1\"}").attachmentDocumentIds()).isEmpty();
    }

    @Test
    void shouldRefuseWhatIsNotACandidateHiredMessage_withoutQuotingIt() {
        assertThatThrownBy(() -> HiringMessages.candidateHired("{\"caseNumber\":\"240117\",\"applicantId\":\"A-1\"}"))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("employeeId");
        assertThatThrownBy(() -> HiringMessages.candidateHired("{\"type\":\"PostingPublished\"}"))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> HiringMessages.candidateHired("Kari Nordmann"))
                .isInstanceOf(InvalidDropException.class).hasMessageNotContaining("Kari");
        assertThatThrownBy(() -> HiringMessages.candidateHired("{\"caseNumber\":\"1\",\"applicantId\":\"A\","
                + "\"employeeId\":\"E\",\"applicationDocumentId\":\"W\",\"attachmentDocumentIds\":\"W2\"}"))
                .isInstanceOf(InvalidDropException.class).hasMessageContaining("attachmentDocumentIds");
    }
}
