package org.opendicomweb.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The patient demographics that the instances of one study must agree on (Patient ID, Issuer of Patient ID,
 * Patient's Name, Patient's Birth Date, as the index keeps them), reduced to a digest so that an instance that
 * agrees with its study costs one comparison.
 */
final class Demographics {
    private Demographics() {}

    static String digest(InstanceKeys k) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        for (String field :
                new String[] {k.patientId(), k.issuerOfPatientId(), k.patientName(), k.patientBirthDate()}) {
            // An absent value and an empty one are the same to the index (null); 0 separates, 1 marks absence.
            sha.update(field == null ? new byte[] {1} : field.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
