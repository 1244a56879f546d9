package com.propdesk.intake;

/**
 * Another case this one is linked to, and how: {@code opened} (this case opened the other, e.g. a
 * complaint its repair) or {@code opened-from} (this case was opened by the other).
 */
public record CaseLink(String caseNo, String relation) {
}
