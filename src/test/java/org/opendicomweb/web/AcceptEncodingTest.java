package org.opendicomweb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL | false",
                "'' | false",
                "gzip | true",
                "GZIP | true",
                "x-gzip | true",
                "gzip, deflate, br | true",
                "br;q=1.0, gzip;q=0.8, *;q=0.1 | true",
                "deflate | false",
                "identity | false",
                "gzip;q=0 | false",
                "gzip; q=0.0 | false",
                "* | true",
                "*;q=0 | false",
                "gzip;q=0, * | false",
                "*;q=0, gzip | true",
                "gzip;q=oops | false",
            })
    void gzipIsAcceptableWhenNamedOrCoveredWithAWeightAboveZero(String header, boolean expected) {
        assertEquals(expected, AcceptEncoding.acceptsGzip(header));
    }
}
