package io.indicators.common.api;

/**
 * A publication date as precise as the evidence allows: {@code basis} says whether the document states it, it is
 * inferred (from what: {@code evidence}), or unknown.
 */
public record DatePublished(String date, String precision, String basis, String evidence) {
}
