package cn.gridcase.platform;

/**
 * One problem with a request, as listed in the {@code errors} member of a problem+json answer.
 *
 * @param field the request field (JSON path or parameter name) the problem is about, or null
 * @param code a stable code: a rule ID such as {@code E2.parties}, or a validation code
 * @param message a human-readable explanation
 */
public record ApiError(String field, String code, String message) {}
