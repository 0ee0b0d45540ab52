package org.opendicomweb.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.opendicomweb.security.audit.AuditKind;

/**
 * Who may call an operation and how the call is audited, on a resource method or its class. Every operation of the
 * API declares it: {@link AccessFilter} refuses what it does not find, and a test lists every operation of the
 * running server against it. The rule holds for every route answering the operation's path, the event-loop routes
 * that answer some retrievals ahead of the REST layer included, because the filter runs before any of them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {
    Permission value();

    AuditKind audit();
}
