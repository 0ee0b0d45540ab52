package org.opendicomweb.security;

/**
 * Routes registered on the HTTP router beside the REST API (outside {@code quarkus.rest.path}) that serve patient
 * data, such as the FHIR endpoints: they declare who may call them here, next to their handlers, as REST operations
 * do with {@link Access}. Without a declaration a path outside the API is public (static files), so a route holding
 * patient data that forgot this would be open: {@link RouteRules} asks every implementation first.
 */
public interface RoutesOutsideTheApi {

    /** The path prefix the routes answer below the HTTP root path, without a trailing slash, e.g. {@code /fhir}. */
    String prefix();

    /**
     * The rule for a request below {@link #prefix()}; {@code relativePath} is what follows the prefix ({@code ""} or
     * starting with '/'). Never null: a path the routes do not answer still needs {@link Permission#AUTHENTICATED},
     * so that only callers of the API learn that it does not exist.
     */
    RouteRules.Rule ruleFor(String method, String relativePath);
}
