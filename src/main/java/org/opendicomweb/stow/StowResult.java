package org.opendicomweb.stow;

import java.util.List;

/**
 * The outcome of a store transaction: one {@link PartOutcome} per instance, in the order of the request, and
 * remarks about the request that concern no single instance (a bulk data part that no instance referenced).
 */
public record StowResult(List<PartOutcome> outcomes, List<String> remarks) {}
