package org.opendicomweb.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendicomweb.support.PostgresTestSchema;
import org.opendicomweb.testing.DicomFiles;
import org.opendicomweb.testing.Keycloak;
import org.opendicomweb.testing.OidcProfile;
import org.opendicomweb.testing.StowBody;

/**
 * {@code includerejected=true} shows rejected instances to administrators only: a reader without the admin role is
 * refused with 403 (what a rejection hides for patient safety is not for every reader), and may search as usual
 * without it.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@WithTestResource(value = PostgresTestSchema.class, scope = TestResourceScope.GLOBAL)
class RejectionAccessTest {
    private Keycloak keycloak;

    @BeforeEach
    void tokens() {
        keycloak = Keycloak.shared();
    }

    @Test
    void onlyAdministratorsSeeRejectedInstances() {
        DicomFiles.Builder image = DicomFiles.ctImage();
        given().auth()
                .oauth2(keycloak.token("writer"))
                .contentType(StowBody.contentType("access"))
                .body(StowBody.of("access", image))
                .when()
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
        String query = "/dicom-web/instances?SOPInstanceUID=" + image.sopInstanceUid();

        given().auth()
                .oauth2(keycloak.token("reader"))
                .when()
                .get(query + "&includerejected=true")
                .then()
                .statusCode(403)
                .body(containsString("includerejected"));
        given().auth()
                .oauth2(keycloak.token("reader"))
                .when()
                .get(query + "&includerejected=false")
                .then()
                .statusCode(200)
                .body("", hasSize(1));
        given().auth()
                .oauth2(keycloak.token("everything"))
                .when()
                .get(query + "&includerejected=true")
                .then()
                .statusCode(200)
                .body("", hasSize(1));
    }
}
