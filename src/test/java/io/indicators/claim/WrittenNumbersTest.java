package io.indicators.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.indicators.claim.WrittenNumbers.Reading;
import io.indicators.claim.WrittenNumbers.WrittenNumber;

/**
 * The numbers of claim sentences as written in the seed articles: every value a seed release states is read back
 * from its {@code asStated.text} as exactly that value, and the other forms those articles use are read as the
 * reader of the article would.
 */
class WrittenNumbersTest {

    /**
     * Each {@code asStated} of seeds/releases/0001 and 0002: the text, the seed's number (or low and high) and
     * multiplier, the unit code the text names (null when it names none), and the quote the text stands in.
     */
    static Stream<Arguments> seedValues() {
        return Stream.of(
                stated("7000명", "7000", 0, "persons", "‘7000명’. 소프트웨어정책연구소가 최근 밝힌 2022년까지 국내 인공지능(AI) 분야 연구자 부족 숫자다"),
                stated("100", "100", 0, null, "미국의 AI 기술 수준이 100이라면"),
                stated("88.1", "88.1", 0, null, "유럽 88.1"),
                stated("88.0", "88.0", 0, null, "일본 88.0"),
                stated("81.9", "81.9", 0, null, "중국 81.9"),
                stated("78.1", "78.1", 0, null, "한국 78.1"),
                range("30만~50만 달러", "30", "50", 4, "usd", "연봉은 30만~50만 달러"),
                range("3억3400만~5억5700만원", "33400", "55700", 4, "krw", "약 3억3400만~5억5700만원"),
                stated("2군", "2", 0, "tier", "우리나라는 2군으로 분류"),
                stated("0.79%", "0.79", 0, "percent", "한국의 AI 인재 집중도가 0.79%"),
                stated("1.13%", "1.13", 0, "percent", "이스라엘(1.13%)"),
                stated("0.88%", "0.88", 0, "percent", "싱가포르(0.88%)"),
                stated("10.26", "10.26", 0, null, "인구 10만명당 AI 특허 수는 10.26"),
                stated("4천100건", "4100", 0, "count", "우리나라가 4천100건"),
                stated("3만8천건", "38000", 0, "count", "중국(3만8천건)"),
                stated("6천200건", "6200", 0, "count", "미국(6천200건)"),
                stated("1위", "1", 0, "rank", "1위 중국"),
                stated("3위", "3", 0, "rank", "미국(6천200건)에 이어 3위"),
                stated("-0.3", "-0.3", 0, null, "1만명당 AI 인재 이동 지표는 -0.3"),
                stated("20억", "20", 8, null, "20억에 달하는데"),
                stated("10배", "10", 0, "ratio", "연봉이 10배쯤 차이가 나서"),
                stated("26만 장", "26", 4, "count", "(GPU) 26만 장을 한국에 공급하겠다고"),
                stated("5.3배", "5.3", 0, "ratio", "부족 인력이 5.3배나 증가했다"),
                stated("세 나라", "3", 0, null, "31개국 가운데 인공지능 인재의 순유출이 순유입보다 많은 세 나라"),
                stated("1609명", "1609", 0, "persons", "3년 전(1609명)"),
                stated("8579명", "8579", 0, "persons", "부족 인력은 8579명으로 집계됐다"),
                stated("5만1425명", "51425", 0, "persons", "국내 인공지능 부문 인력은 모두 5만1425명"));
    }

    private static Arguments stated(String text, String number, int multiplier, String unit, String quote) {
        return range(text, number, number, multiplier, unit, quote);
    }

    private static Arguments range(String text, String low, String high, int multiplier, String unit, String quote) {
        return arguments(text, new BigDecimal(low).movePointRight(multiplier),
                new BigDecimal(high).movePointRight(multiplier), unit, quote);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedValues")
    void everyStatedSeedTextReadsAsItsCanonicalValueAndNothingElse(String text, BigDecimal low, BigDecimal high,
            String unit) {
        WrittenNumber number = only(text);
        assertEquals(1, number.readings().size(), () -> text + " is not ambiguous: " + number.readings());
        Reading reading = number.readings().get(0);
        assertValue(low, reading.low(), text);
        assertValue(high, reading.high(), text);
        assertEquals(unit, reading.unit(), text);
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("seedValues")
    void everyStatedSeedValueIsFoundInItsQuote(String text, BigDecimal low, BigDecimal high, String unit,
            String quote) {
        List<WrittenNumber> numbers = WrittenNumbers.find(quote);
        assertTrue(numbers.stream().anyMatch(number -> quote.substring(number.start(), number.end())
                .equals(number.text())
                && number.readings().stream().anyMatch(reading -> reading.low()
                        .compareTo(low) == 0 && reading.high().compareTo(high) == 0
                        && Objects.equals(unit, reading.unit()))),
                () -> quote + " gave " + numbers);
    }

    @Test
    void resolutionIsThePlaceOfTheLastDigitWritten() {
        assertValue(new BigDecimal("10000"), reading("26만 장").resolution(), "26만");
        assertValue(new BigDecimal("10000"), reading("3억3400만~5억5700만원").resolution(), "3억3400만");
        assertValue(new BigDecimal("0.01"), reading("0.79%").resolution(), "0.79%");
        assertValue(new BigDecimal("0.1"), reading("88.0").resolution(), "88.0");
        assertValue(BigDecimal.ONE, reading("8579").resolution(), "8579");
        assertValue(BigDecimal.ONE, reading("4천100건").resolution(), "4천100");
        assertValue(new BigDecimal("1000"), reading("3만8천건").resolution(), "3만8천");
        assertValue(new BigDecimal("100000000"), reading("20억").resolution(), "20억");
        assertValue(BigDecimal.ONE, reading("세 나라").resolution(), "세 나라");
    }

    @Test
    void formsSayHowTheTextWasRead() {
        assertEquals("about (약) 3×10^8 + 3400×10^4 to 5×10^8 + 5700×10^4 KRW",
                only("약 3억3400만~5억5700만원").readings().get(0).form());
        assertEquals("26×10^4, count", reading("26만 장").form());
        assertEquals("8579 persons", reading("8579명").form());
    }

    // --- the headline -----------------------------------------------------------------------------------------

    @Test
    void theShortfallSentenceReadsAsPersons() {
        WrittenNumber number = only("부족 인력은 8579명으로 집계됐다");
        assertEquals("8579명", number.text());
        assertEquals(7, number.start());
        assertEquals(12, number.end());
        assertReading(number.readings().get(0), "8579", "8579", "persons");
    }

    @Test
    void aYearBeforeTheCountIsReadAsAYear() {
        List<WrittenNumber> numbers = WrittenNumbers.find("AI 인력 부족 규모는 2020년 1609명에서");
        assertEquals(2, numbers.size(), numbers::toString);
        assertEquals("2020년", numbers.get(0).text());
        assertReading(numbers.get(0).readings().get(0), "2020", "2020", "year");
        assertEquals("year 2020", numbers.get(0).readings().get(0).form());
        assertEquals("1609명", numbers.get(1).text());
        assertReading(numbers.get(1).readings().get(0), "1609", "1609", "persons");
    }

    @Test
    void englishPeopleAreWholeSoTheCommaSeparatesThousands() {
        WrittenNumber number = only("8,579 people");
        assertEquals(1, number.readings().size(), number::toString);
        assertReading(number.readings().get(0), "8579", "8579", "persons");
    }

    @Test
    void theWholeSentenceOfTheArticleIsReadNumberByNumber() {
        List<WrittenNumber> numbers = WrittenNumbers.find("AI 부족 인력은 2020년 1609명에서 2023년 8579명으로 5.3배 늘었다");
        assertEquals(List.of("2020년", "1609명", "2023년", "8579명", "5.3배"),
                numbers.stream().map(WrittenNumber::text).toList());
        assertEquals(List.of("year", "persons", "year", "persons", "ratio"),
                numbers.stream().map(number -> number.readings().get(0).unit()).toList());
    }

    // --- tricky forms -----------------------------------------------------------------------------------------

    @Test
    void aMultiplierOnTheSecondEndAppliesToBoth() {
        Reading reading = reading("30~50만 달러");
        assertReading(reading, "300000", "500000", "usd");
        assertValue(new BigDecimal("10000"), reading.resolution(), "30~50만");
        assertReading(reading("3~5억원"), "300000000", "500000000", "krw");
    }

    @Test
    void aMultiplierOnTheSecondEndIsNotAppliedWhenTheRangeWouldRunBackwards() {
        assertReading(reading("500~1만명"), "500", "10000", "persons");
    }

    @Test
    void joChunEokCombine() {
        assertReading(reading("1조2천억원"), "1200000000000", "1200000000000", "krw");
        assertValue(new BigDecimal("100000000000"), reading("1조2천억원").resolution(), "1조2천억");
        assertReading(reading("5억5700만"), "557000000", "557000000", null);
        assertReading(reading("2천5백만 달러"), "25000000", "25000000", "usd");
        assertReading(reading("1.5만명"), "15000", "15000", "persons");
        assertReading(reading("3억 3400만원"), "334000000", "334000000", "krw");
    }

    @Test
    void anUnwrittenManOrEokIsASecondReading() {
        WrittenNumber salary = only("연봉 3억5천");
        assertEquals(2, salary.readings().size(), salary::toString);
        assertReading(salary.readings().get(0), "300005000", "300005000", null);
        assertReading(salary.readings().get(1), "350000000", "350000000", null);
        assertValue(new BigDecimal("10000000"), salary.readings().get(1).resolution(), "3억5천(만)");
        assertTrue(salary.readings().get(1).form().contains("만 left unwritten"), salary.readings().get(1).form());
        assertReading(reading("1조2천", 0), "1000000002000", "1000000002000", null);
        assertReading(only("1조2천").readings().get(1), "1200000000000", "1200000000000", null);
        // Below 만 nothing is left unwritten: 3만8천 is 38000 only (a seed value, see above).
        assertEquals(1, only("3만8천건").readings().size());
    }

    @Test
    void aGroupSetApartWithoutItsOwnMultiplierIsAnotherNumber() {
        List<WrittenNumber> numbers = WrittenNumbers.find("20억 3명");
        assertEquals(List.of("20억", "3명"), numbers.stream().map(WrittenNumber::text).toList());
    }

    @Test
    void percentAndPercentagePointsAreDifferentUnits() {
        assertReading(reading("0.5%p"), "0.5", "0.5", "percentage-points");
        assertReading(reading("0.5%포인트"), "0.5", "0.5", "percentage-points");
        assertReading(reading("0.5퍼센트포인트"), "0.5", "0.5", "percentage-points");
        assertReading(reading("0.5 percentage points"), "0.5", "0.5", "percentage-points");
        assertReading(reading("0.5 pp"), "0.5", "0.5", "percentage-points");
        assertReading(reading("0.5%"), "0.5", "0.5", "percent");
        assertReading(reading("0.5 퍼센트"), "0.5", "0.5", "percent");
        assertReading(reading("3프로"), "3", "3", "percent");
        assertReading(reading("0.5 per cent"), "0.5", "0.5", "percent");
        assertReading(reading("전년보다 3.2% 감소"), "3.2", "3.2", "percent");
    }

    @Test
    void ratioWithItsResolution() {
        Reading reading = reading("5.3배");
        assertReading(reading, "5.3", "5.3", "ratio");
        assertValue(new BigDecimal("0.1"), reading.resolution(), "5.3배");
        assertReading(reading("5.3x"), "5.3", "5.3", "ratio");
        assertReading(reading("5-fold"), "5", "5", "ratio");
        assertReading(reading("두 배"), "2", "2", "ratio");
        assertReading(reading("three times"), "3", "3", "ratio");
    }

    @Test
    void englishScaleWords() {
        Reading million = reading("1.2 million");
        assertReading(million, "1200000", "1200000", null);
        assertValue(new BigDecimal("100000"), million.resolution(), "1.2 million");
        assertEquals("1.2×10^6", million.form());
        assertReading(reading("5 billion dollars"), "5000000000", "5000000000", "usd");
        assertReading(reading("US$5 billion"), "5000000000", "5000000000", "usd");
        assertReading(reading("$3m"), "3000000", "3000000", "usd");
        assertReading(reading("300k"), "300000", "300000", null);
        assertReading(reading("1.2M users"), "1200000", "1200000", null);
        assertEquals(List.of(), WrittenNumbers.find("3m"), "a small m alone may be metres");
        assertReading(reading("5bn won"), "5000000000", "5000000000", "krw");
        assertReading(reading("3 to 5 million"), "3000000", "5000000", null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "세계", "네이버", "한국", "열린 행사", "모두", "세대", "두뇌", "하나의 생산 로봇", "문을 열 수 있다",
            "no numbers here", "one of the best", "수만 대" })
    void wordsThatBeginLikeNumbersAreNotNumbers(String text) {
        assertEquals(List.of(), WrittenNumbers.find(text));
    }

    @Test
    void nativeNumeralsBeforeACounterOrANoun() {
        assertReading(reading("세 나라"), "3", "3", null);
        assertReading(reading("세 명"), "3", "3", "persons");
        assertReading(reading("열 곳"), "10", "10", "count");
        assertReading(reading("다섯 가지"), "5", "5", "count");
        assertReading(reading("한 카페"), "1", "1", null);
        assertEquals("3 (native Korean numeral 세)", reading("세 나라").form());
    }

    @Test
    void aLoneCommaBeforeThreeDigitsIsReadBothWaysThousandsFirst() {
        WrittenNumber number = only("1,609");
        assertEquals(2, number.readings().size(), number::toString);
        assertReading(number.readings().get(0), "1609", "1609", null);
        assertValue(BigDecimal.ONE, number.readings().get(0).resolution(), "1,609 as thousands");
        assertReading(number.readings().get(1), "1.609", "1.609", null);
        assertValue(new BigDecimal("0.001"), number.readings().get(1).resolution(), "1,609 with a decimal comma");
        assertTrue(number.readings().get(1).form().contains("decimal"), number.readings().get(1).form());
    }

    @Test
    void aKoreanSentenceOrAWholeUnitSettlesTheComma() {
        // Korean text never writes a decimal comma, and a person or a case is not counted in thousandths.
        assertEquals(1, only("지수는 1,609").readings().size());
        assertEquals(1, WrittenNumbers.find("3년 전(1,609명)").get(1).readings().size());
        assertEquals(1, only("1,609 cases").readings().size());
        // A dollar amount can be written either way.
        assertEquals(2, only("$1,609").readings().size());
    }

    @Test
    void otherCommaForms() {
        WrittenNumber decimal = only("3,14");
        assertEquals(1, decimal.readings().size());
        assertReading(decimal.readings().get(0), "3.14", "3.14", null);
        assertReading(reading("1,6"), "1.6", "1.6", null);
        WrittenNumber grouped = only("1,234,567");
        assertEquals(1, grouped.readings().size());
        assertReading(grouped.readings().get(0), "1234567", "1234567", null);
        assertReading(reading("1,234.5"), "1234.5", "1234.5", null);
        List<WrittenNumber> list = WrittenNumbers.find("1,2,3");
        assertEquals(List.of("1", "2", "3"), list.stream().map(WrittenNumber::text).toList());
    }

    @Test
    void koreanTextWritesNoDecimalCommaSoDigitCommaDigitIsAList() {
        assertEquals(List.of("1", "2위"), WrittenNumbers.find("1,2위를 차지했다").stream().map(WrittenNumber::text).toList());
        assertEquals(List.of("3", "4월"), WrittenNumbers.find("3,4월에").stream().map(WrittenNumber::text).toList());
    }

    @Test
    void signsIncludingTheMinusSign() {
        assertReading(reading("−0.3"), "-0.3", "-0.3", null);
        assertEquals("−0.3", only("지표는 −0.3을 기록했다").text());
        assertReading(reading("+3.2%"), "3.2", "3.2", "percent");
        assertReading(reading("COVID-19"), "19", "19", null); // a hyphen after a word is no sign
    }

    @Test
    void approximationsKeepTheValueAndSayTheQualifier() {
        WrittenNumber about = only("about 8,600");
        Reading first = about.readings().get(0);
        assertReading(first, "8600", "8600", null);
        assertTrue(first.form().startsWith("about "), first.form());
        assertEquals("8,600", about.text(), "the qualifier is not part of the number");
        assertEquals("about 8600 persons", reading("about 8,600 people").form());
        assertTrue(reading("약 3억3400만원").form().startsWith("about (약) "));
        assertTrue(reading("20억 이상").form().startsWith("at least (이상) "));
        assertTrue(reading("100명 미만").form().startsWith("under (미만) "));
        assertTrue(reading("연봉이 10배쯤").form().startsWith("about (쯤) "));
        assertTrue(reading("거의 20억").form().startsWith("nearly (거의) "));
        assertTrue(reading("more than 500 workers").form().startsWith("more than "));
        assertTrue(reading("nearly 3%").form().startsWith("nearly "));
        assertTrue(reading("over 50 people").form().startsWith("over "));
    }

    @Test
    void rangesOfEveryKind() {
        assertReading(reading("300,000-500,000"), "300000", "500000", null);
        assertReading(reading("300,000 to 500,000"), "300000", "500000", null);
        assertReading(reading("30만 to 50만"), "300000", "500000", null);
        assertReading(reading("between 3 and 5"), "3", "5", null);
        assertReading(reading("$300,000-$500,000"), "300000", "500000", "usd");
        assertReading(reading("3~5%"), "3", "5", "percent");
        assertReading(reading("2014~2023년"), "2014", "2023", "year");
        WrittenNumber european = only("300,000-500,000");
        assertEquals(2, european.readings().size(), "either both commas separate thousands or both are decimal");
        assertReading(european.readings().get(1), "300.000", "500.000", null);
    }

    @Test
    void fromToIsAChangeNotARange() {
        assertEquals(2, WrittenNumbers.find("rose from 3% to 5%").size());
    }

    @Test
    void aDashBetweenNumbersThatWouldRunBackwardsIsNoRange() {
        assertEquals(List.of("2014", "15"), WrittenNumbers.find("2014-15").stream().map(WrittenNumber::text).toList());
    }

    // --- forms found in the seed articles (/work/shared/seeds) -------------------------------------------------

    @Test
    void datesAndTimesOfTheArticles() {
        List<WrittenNumber> stamp = WrittenNumbers.find("기사입력 2018/08/27 08:06");
        assertEquals(List.of("2018/08/27", "08:06"), stamp.stream().map(WrittenNumber::text).toList());
        assertReading(stamp.get(0).readings().get(0), "2018", "2018", "date");
        assertEquals("date 2018-08-27", stamp.get(0).readings().get(0).form());
        assertEquals("time", stamp.get(1).readings().get(0).unit());
        assertEquals(List.of("date", "time"), WrittenNumbers.find("입력 | 2025-11-15 01:40:00").stream()
                .map(number -> number.readings().get(0).unit()).toList());
        assertEquals("date", reading("2018.09.20(THU)").unit());
        List<WrittenNumber> yearMonth = WrittenNumbers.find("2015년 8월 전기전자컴퓨터공학부를 졸업한");
        assertEquals(List.of("year", "month"),
                yearMonth.stream().map(number -> number.readings().get(0).unit()).toList());
        assertReading(reading("지난 7~8일"), "7", "8", "day");
        assertReading(reading("다음달 1일부터"), "1", "1", "day");
    }

    @Test
    void spansOfTimeAndAgesAreNotCounts() {
        assertEquals("years", reading("3년짜리 산업기능요원").unit());
        assertEquals("years", reading("2023년까지 10년간", 1).unit());
        WrittenNumber twenty = WrittenNumbers.find("약 20년 만에 한국으로").get(0);
        assertEquals("20년", twenty.text(), "만 after 년 is 'after', not ten thousand");
        assertReading(twenty.readings().get(0), "20", "20", "years");
        assertEquals("age", reading("올해 만 26세의 김씨").unit());
        assertReading(reading("올해 만 26세의 김씨"), "26", "26", "age");
        assertEquals("months", reading("6개월").unit());
    }

    @Test
    void anAgeGroupIsAlsoACount() {
        WrittenNumber twenties = only("연구원 대다수는 20대~30대로");
        assertEquals("20대~30대", twenties.text());
        assertEquals(List.of("count", "age"), twenties.readings().stream().map(Reading::unit).toList());
        assertReading(twenties.readings().get(0), "20", "30", "count");
        assertEquals(List.of("count"), only("AI 2대 강국").readings().stream().map(Reading::unit).toList());
    }

    @Test
    void countersOfTheArticles() {
        assertReading(reading("최근 73개국을 대상으로"), "73", "73", "count");
        assertReading(reading("인구 10만명당 AI 특허 수", 0), "100000", "100000", "persons");
        assertTrue(reading("인구 10만명당").form().contains("per"));
        Reading occasions = reading("20여 차례 오픈 소스로 공개");
        assertReading(occasions, "20", "20", "count");
        assertTrue(occasions.form().startsWith("over (여) "), occasions.form());
        assertReading(reading("1만여 명"), "10000", "10000", "persons");
        assertReading(reading("‘병정 놀음’에 79억"), "7900000000", "7900000000", null);
        assertReading(reading("단 1명이라도"), "1", "1", "persons");
        assertReading(reading("68.6°"), "68.6", "68.6", null);
        assertReading(reading("AI 인덱스 2024"), "2024", "2024", null);
        assertReading(reading("8579 명"), "8579", "8579", "persons");
    }

    @Test
    void moduOnlyReadsTheNumber() {
        List<WrittenNumber> numbers = WrittenNumbers.find("국내 인공지능 부문 인력은 모두 5만1425명으로");
        assertEquals(List.of("5만1425명"), numbers.stream().map(WrittenNumber::text).toList());
    }

    @Test
    void modelNamesAndCodesAreNotQuantities() {
        assertEquals(List.of(), WrittenNumbers.find("H100 GPU, 5G, 3D, ideaed@news1.kr"));
        assertReading(reading("3rd"), "3", "3", "rank");
    }

    @Test
    void aWholeArticleSentenceWithARangeAndItsConversion() {
        List<WrittenNumber> numbers = WrittenNumbers.find(
                "그가 받을 연봉은 30만~50만 달러(약 3억3400만~5억5700만원)에 달하는 것으로 알려졌다.");
        assertEquals(List.of("30만~50만 달러", "3억3400만~5억5700만원"), numbers.stream().map(WrittenNumber::text).toList());
        assertReading(numbers.get(0).readings().get(0), "300000", "500000", "usd");
        assertReading(numbers.get(1).readings().get(0), "334000000", "557000000", "krw");
    }

    // --- robustness -------------------------------------------------------------------------------------------

    @Test
    void nothingToRead() {
        assertEquals(List.of(), WrittenNumbers.find(null));
        assertEquals(List.of(), WrittenNumbers.find(""));
        assertEquals(List.of(), WrittenNumbers.find("%%%~~~만만만"));
    }

    @Test
    void scientificNotationIsNotReadAsAHugeNumber() {
        List<WrittenNumber> numbers = WrittenNumbers.find("1e400");
        assertTrue(numbers.stream().flatMap(number -> number.readings().stream())
                .allMatch(reading -> reading.high().abs().compareTo(new BigDecimal("1e30")) < 0), numbers::toString);
    }

    @Test
    void aLiteralOfMoreThanThirtyDigitsIsSkipped() {
        assertEquals(List.of(), WrittenNumbers.find("1".repeat(31) + "명"));
        assertReading(reading("1".repeat(30) + "명"), "1".repeat(30), "1".repeat(30), "persons");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1,234,", "9,99,999,9999,", "1,", "12345678901,", "1.2.", "3만 ", "1~", "-" })
    void aHundredThousandCharactersOfDigitsReturnQuickly(String unit) {
        String text = unit.repeat(100_000 / unit.length() + 1).substring(0, 100_000);
        List<WrittenNumber> numbers = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> WrittenNumbers.find(text));
        assertTrue(numbers.size() <= WrittenNumbers.MAX_NUMBERS, () -> numbers.size() + " numbers");
        numbers.forEach(number -> assertTrue(number.end() <= 2_000, "only the first 2,000 characters are read"));
        numbers.forEach(number -> assertTrue(!number.readings().isEmpty()));
    }

    @Test
    void atMostTwentyNumbersFromOneText() {
        String many = "1명 ".repeat(50);
        assertEquals(WrittenNumbers.MAX_NUMBERS, WrittenNumbers.find(many).size());
    }

    @Test
    void spansAreTheWrittenText() {
        String text = "중국(3만8천건)에는 한참 못 미치지만, 미국(6천200건)에 이어 3위를 기록했다";
        for (WrittenNumber number : WrittenNumbers.find(text)) {
            assertEquals(number.text(), text.substring(number.start(), number.end()));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static WrittenNumber only(String text) {
        List<WrittenNumber> numbers = WrittenNumbers.find(text);
        assertEquals(1, numbers.size(), () -> text + " gave " + numbers);
        return numbers.get(0);
    }

    private static Reading reading(String text) {
        return only(text).readings().get(0);
    }

    private static Reading reading(String text, int index) {
        List<WrittenNumber> numbers = WrittenNumbers.find(text);
        assertTrue(numbers.size() > index, () -> text + " gave " + numbers);
        return numbers.get(index).readings().get(0);
    }

    private static void assertReading(Reading reading, String low, String high, String unit) {
        assertValue(new BigDecimal(low), reading.low(), reading.form());
        assertValue(new BigDecimal(high), reading.high(), reading.form());
        if (unit == null) {
            assertNull(reading.unit(), reading.form());
        } else {
            assertEquals(unit, reading.unit(), reading.form());
        }
    }

    private static void assertValue(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(0, expected.compareTo(actual), () -> what + ": expected " + expected + " but was " + actual);
    }
}
