package no.webcruiteresa.adapter.drop;

import java.util.List;
import javax.xml.datatype.XMLGregorianCalendar;
import java.time.LocalDate;
import no.webcruiteresa.adapter.drop.xml.Document;
import no.webcruiteresa.adapter.drop.xml.File;
import no.webcruiteresa.domain.Applicant;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;
import no.webcruiteresa.domain.Form;
import no.webcruiteresa.domain.PostalAddress;
import no.webcruiteresa.domain.Posting;
import no.webcruiteresa.domain.SpecialConsideration;

/** From the schema-bound JAXB classes to the domain's records. */
final class DropMapping {
    private DropMapping() {
    }

    static DocumentDrop toDomain(Document xml) {
        var posting = xml.getPosting();
        return new DocumentDrop(Form.fromCode(xml.getForm().value()), xml.getDocumentId(), xml.getTitle(),
                date(xml.getDocumentDate()),
                new Posting(posting.getCaseNumber(), posting.getTitle(), posting.getOrganisationalUnit(),
                        date(posting.getApplicationDeadline())),
                applicant(xml.getApplicant()),
                xml.getFiles().getFile().stream().map(DropMapping::file).toList());
    }

    private static Applicant applicant(no.webcruiteresa.adapter.drop.xml.Applicant xml) {
        if (xml == null) {
            return null;
        }
        var address = xml.getPostalAddress();
        var flags = xml.getSpecialConsideration();
        return new Applicant(xml.getApplicantId(), xml.getGivenName(), xml.getFamilyName(),
                address == null ? null : new PostalAddress(List.copyOf(address.getStreetAddress()),
                        address.getPostalCode(), address.getPostalTown(), address.getCountry()),
                xml.getEmail(), xml.getPhone(), date(xml.getBirthDate()), xml.getGender(), xml.getNationality(),
                xml.getCountry(), new SpecialConsideration(flags.isExemptionRequested(), flags.isPreferentialRight(),
                        flags.isImmigrantBackground(), flags.isDisability()));
    }

    private static DropFile file(File xml) {
        return new DropFile(xml.getName(), DropFile.Role.valueOf(xml.getRole().value().toUpperCase()),
                xml.getTitle(), xml.getSize().longValueExact(), xml.getSha256());
    }

    private static LocalDate date(XMLGregorianCalendar value) {
        return value == null ? null : LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }
}
