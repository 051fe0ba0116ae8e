package no.webcruiteresa.adapter.drop;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import no.webcruiteresa.adapter.drop.xml.Applicant;
import no.webcruiteresa.adapter.drop.xml.Document;
import no.webcruiteresa.adapter.drop.xml.File;
import no.webcruiteresa.adapter.drop.xml.FileRole;
import no.webcruiteresa.adapter.drop.xml.Files;
import no.webcruiteresa.adapter.drop.xml.FormCode;
import no.webcruiteresa.adapter.drop.xml.ObjectFactory;
import no.webcruiteresa.adapter.drop.xml.PostalAddress;
import no.webcruiteresa.adapter.drop.xml.Posting;
import no.webcruiteresa.adapter.drop.xml.SpecialConsideration;
import no.webcruiteresa.domain.DocumentDrop;
import no.webcruiteresa.domain.DropFile;

/** Writes a drop's XML exactly as the contract describes it: the local stack's demo and tests drop with it. */
public final class DropWriter {
    private final JAXBContext context;

    public DropWriter() {
        try {
            context = JAXBContext.newInstance(Document.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] write(DocumentDrop drop) {
        Document xml = new Document();
        xml.setSchemaVersion("1.0");
        xml.setForm(FormCode.fromValue(drop.form().code()));
        xml.setDocumentId(drop.documentId());
        xml.setTitle(drop.title());
        xml.setDocumentDate(date(drop.documentDate()));
        Posting posting = new Posting();
        posting.setCaseNumber(drop.posting().caseNumber());
        posting.setTitle(drop.posting().title());
        posting.setOrganisationalUnit(drop.posting().organisationalUnit());
        posting.setApplicationDeadline(date(drop.posting().applicationDeadline()));
        xml.setPosting(posting);
        drop.applicantIfAny().ifPresent(applicant -> xml.setApplicant(applicant(applicant)));
        Files files = new Files();
        for (DropFile file : drop.files()) {
            File entry = new File();
            entry.setName(file.name());
            entry.setRole(file.role() == DropFile.Role.MAIN ? FileRole.MAIN : FileRole.ATTACHMENT);
            entry.setTitle(file.title());
            entry.setSize(BigInteger.valueOf(file.size()));
            entry.setSha256(file.sha256());
            files.getFile().add(entry);
        }
        xml.setFiles(files);
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(new ObjectFactory().createDocument(xml), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write drop " + drop.documentId(), e);
        }
    }

    private static Applicant applicant(no.webcruiteresa.domain.Applicant from) {
        Applicant to = new Applicant();
        to.setApplicantId(from.applicantId());
        to.setGivenName(from.givenName());
        to.setFamilyName(from.familyName());
        if (from.postalAddress() != null) {
            PostalAddress address = new PostalAddress();
            address.getStreetAddress().addAll(from.postalAddress().streetLines());
            address.setPostalCode(from.postalAddress().postalCode());
            address.setPostalTown(from.postalAddress().postalTown());
            address.setCountry(from.postalAddress().country());
            to.setPostalAddress(address);
        }
        to.setEmail(from.email());
        to.setPhone(from.phone());
        to.setBirthDate(date(from.birthDate()));
        to.setGender(from.gender());
        to.setNationality(from.nationality());
        to.setCountry(from.country());
        SpecialConsideration flags = new SpecialConsideration();
        flags.setExemptionRequested(from.specialConsideration().exemptionRequested());
        flags.setPreferentialRight(from.specialConsideration().preferentialRight());
        flags.setImmigrantBackground(from.specialConsideration().immigrantBackground());
        flags.setDisability(from.specialConsideration().disability());
        to.setSpecialConsideration(flags);
        return to;
    }

    private static XMLGregorianCalendar date(LocalDate date) {
        if (date == null) {
            return null;
        }
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendarDate(date.getYear(), date.getMonthValue(),
                date.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
    }
}
