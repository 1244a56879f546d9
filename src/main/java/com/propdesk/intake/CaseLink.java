package com.propdesk.intake;

/** Another case this one is linked to, and how (promoted-to, opened-from, …). */
public record CaseLink(String caseNo, String relation) {
}
