package org.opendicomweb.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opendicomweb.dicom.PersonName.Component;
import org.opendicomweb.dicom.PersonName.Group;

class PersonNameTest {

    @Test
    void threeGroups() {
        PersonName pn = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertEquals("Yamada^Tarou", pn.alphabetic());
        assertEquals("山田^太郎", pn.ideographic());
        assertEquals("やまだ^たろう", pn.phonetic());
        assertEquals("太郎", pn.component(Group.IDEOGRAPHIC, Component.GIVEN));
        assertEquals("", pn.component(Group.IDEOGRAPHIC, Component.SUFFIX));
        assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", pn.toString());
    }

    @Test
    void trailingEmptyGroupsAreAbsent() {
        PersonName pn = PersonName.parse("Wang^XiaoDong=王^小東=");
        assertEquals("王^小東", pn.ideographic());
        assertNull(pn.phonetic());
        assertEquals("Wang^XiaoDong=王^小東", pn.toString());
    }

    @Test
    void emptyGroupBeforeAPresentOneIsEmptyNotAbsent() {
        PersonName pn = PersonName.parse("=山田^太郎");
        assertEquals("", pn.alphabetic());
        assertEquals("山田^太郎", pn.ideographic());
        assertNull(pn.phonetic());
        assertNull(pn.component(Group.PHONETIC, Component.FAMILY));
        assertEquals("=山田^太郎", pn.toString());
    }

    @Test
    void trailingEmptyComponentsAreTrimmed() {
        PersonName pn = PersonName.parse("Doctor^Who^^MD^=^^");
        assertEquals("Doctor^Who^^MD", pn.alphabetic());
        assertEquals("MD", pn.component(Group.ALPHABETIC, Component.PREFIX));
        assertNull(pn.ideographic());
        assertEquals("Doctor^Who^^MD", pn.toString());
    }

    @Test
    void nothingButDelimitersIsEmpty() {
        assertTrue(PersonName.parse("^^^^").isEmpty());
        assertTrue(PersonName.parse("").isEmpty());
        assertEquals("", PersonName.parse("^^^^").toString());
        assertNull(PersonName.parse("^^^^").alphabetic());
        assertFalse(PersonName.parse("A").isEmpty());
    }

    @Test
    void extraDelimitersStayInTheLastGroupOrComponent() {
        PersonName pn = PersonName.parse("a^b^c^d^e^f=g=h=i");
        assertEquals("e^f", pn.component(Group.ALPHABETIC, Component.SUFFIX));
        assertEquals("h=i", pn.phonetic());
        assertEquals("a^b^c^d^e^f=g=h=i", pn.toString());
    }

    @Test
    void equalityIgnoresTrailingDelimiters() {
        assertEquals(PersonName.parse("Buc^Jérôme"), PersonName.parse("Buc^Jérôme^^^=="));
        assertEquals(
                PersonName.parse("Buc^Jérôme").hashCode(),
                PersonName.parse("Buc^Jérôme^^^").hashCode());
    }
}
