package io.indicators.common.api;

public record KoreanEnglish(String ko, String en) {
}
