package org.opendicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opendicomweb.web.DicomResponses.DatasetType;

class DicomResponsesTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL | DICOM_JSON",
                "*/* | DICOM_JSON",
                "application/* | DICOM_JSON",
                "application/dicom+json | DICOM_JSON",
                "application/json | JSON",
                "multipart/related | DICOM_XML",
                "multipart/* | DICOM_XML",
                "multipart/related; type=\"application/dicom+xml\" | DICOM_XML",
                "multipart/related; type=application/dicom+xml | DICOM_XML",
                "multipart/related; type=\"application/*\" | DICOM_XML",
                "'multipart/related; type=\"application/dicom+xml\", application/dicom+json;q=0.5' | DICOM_XML",
                "'application/xml, multipart/related;q=0.9' | DICOM_XML",
                "'multipart/related;q=0.5, application/json' | JSON",
            })
    void aListOfDatasetsIsDicomJsonOrXmlInMultipartParts(String accept, DatasetType expected) {
        assertEquals(expected, DicomResponses.negotiateDatasets(accept, "Search results"));
    }

    @ParameterizedTest(name = "[{0}] is 406")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/xml",
                "application/dicom+xml",
                "multipart/related; type=\"application/dicom\"",
                "multipart/related; type=\"application/octet-stream\"",
                "image/*",
            })
    void aListOfDatasetsInAnyOtherFormIsNotAcceptable(String accept) {
        DicomwebException e =
                assertThrows(DicomwebException.class, () -> DicomResponses.negotiateDatasets(accept, "Metadata"));
        assertEquals(406, e.status());
        assertTrue(
                e.getMessage()
                        .startsWith("Metadata is available as application/dicom+json or multipart/related;"
                                + " type=\"application/dicom+xml\""),
                e.getMessage());
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "*/* | DICOM_JSON",
                "application/dicom+json | DICOM_JSON",
                "application/json | JSON",
                "application/dicom+xml | DICOM_XML",
                "'application/xml, application/dicom+xml;q=0.2' | DICOM_XML",
            })
    void oneDatasetIsDicomJsonOrOneXmlDocument(String accept, DatasetType expected) {
        assertEquals(expected, DicomResponses.negotiateDataset(accept, "The STOW-RS response"));
    }

    @Test
    void oneDatasetIsNeverSentAsMultipart() {
        DicomwebException e = assertThrows(
                DicomwebException.class,
                () -> DicomResponses.negotiateDataset("multipart/related", "The STOW-RS response"));
        assertEquals(406, e.status());
    }
}
