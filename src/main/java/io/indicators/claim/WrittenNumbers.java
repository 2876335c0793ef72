package io.indicators.claim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every number written in one sentence of Korean or English news text, with every way it can be read:
 * "8579명", "8,579 people", "3억3400만~5억5700만원", "30~50만 달러", "1.2 million", "0.5%p", "세 나라".
 *
 * <p>
 * Where the writing leaves a choice, every reading is returned rather than a guess, and the caller weighs them.
 * "1,609" alone is 1609 or, with a decimal comma, 1.609 (thousands first). The choice is made only where the context
 * settles it: in a Korean sentence, or before a unit that counts whole things (명, 건, 위, people), such a comma
 * separates thousands.
 *
 * <p>
 * Units are the catalogue's codes (persons, count, ratio, percent, percentage-points, krw, usd, rank, tier), or
 * null when the text names none. Words for time and age get codes that no catalogue value has, so that they are
 * never taken for one: year (a calendar year, "2023년", "2014~2023년"), years (a span, "3년"), months ("6개월"),
 * month ("8월"), day ("14일"), date ("2025-11-15", read as its year), time ("08:06", read as its hour), age ("26세",
 * and "20대" as an age group beside its reading as a count). Qualifiers such as 약, 이상, about and over do not
 * change the value; they are named at the start of {@link Reading#form()}.
 *
 * <p>
 * Limits, so that any input is read in linear time: only the first {@value #MAX_CHARS} characters are read, at
 * most {@value #MAX_NUMBERS} numbers are returned, and a literal of more than {@value #MAX_DIGITS} digits is
 * skipped. {@link #find} never throws.
 */
public final class WrittenNumbers {

    /** The most numbers read from one sentence; the rest are ignored (a claim is a sentence, not a document). */
    public static final int MAX_NUMBERS = 20;
    static final int MAX_CHARS = 2_000;
    static final int MAX_DIGITS = 30;

    /** A number as written: its span in the text (char offsets, end exclusive) and every way it can be read. */
    public record WrittenNumber(String text, int start, int end, List<Reading> readings) {
        public WrittenNumber {
            readings = List.copyOf(readings);
        }
    }

    /**
     * One reading. low == high for a single number; a range has low &lt; high. Values are in base units with the
     * multipliers applied ("26만" is 260000); compare them with {@code compareTo}, as their scale follows the writing
     * ("88.0"). resolution is the place value of the last digit written ("26만" 10000, "0.79%" 0.01; for a range the
     * coarser of its ends).
     */
    public record Reading(BigDecimal low, BigDecimal high, BigDecimal resolution, String unit, String form) {
    }

    private WrittenNumbers() {
    }

    /** Every number written in the text, in order of appearance; each with at least one reading. */
    public static List<WrittenNumber> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String read = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<Atom> atoms = new ArrayList<>();
        try {
            new Scanner(read).scan(atoms);
        } catch (RuntimeException unforeseen) {
            // A claim is still worth checking on the numbers read before an unforeseen form; find() never throws.
        }
        try {
            return join(read, atoms);
        } catch (RuntimeException unforeseen) {
            return List.of();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // What a number counts

    private record Unit(String code, String template, boolean whole) {
        String describe(String amount) {
            return template.formatted(amount);
        }
    }

    private static final Unit NO_UNIT = new Unit(null, "%s", false);
    private static final Unit PERSONS = new Unit("persons", "%s persons", true);
    private static final Unit COUNT = new Unit("count", "%s, count", true);
    private static final Unit RATIO = new Unit("ratio", "%s times", false);
    private static final Unit PERCENT = new Unit("percent", "%s percent", false);
    private static final Unit PERCENTAGE_POINTS = new Unit("percentage-points", "%s percentage points", false);
    private static final Unit KRW = new Unit("krw", "%s KRW", false);
    private static final Unit USD = new Unit("usd", "%s USD", false);
    private static final Unit RANK = new Unit("rank", "rank %s", true);
    private static final Unit TIER = new Unit("tier", "tier %s", true);
    private static final Unit YEAR = new Unit("year", "year %s", true);
    private static final Unit DECADE = new Unit("year", "decade from year %s (년대)", true);
    private static final Unit YEARS = new Unit("years", "%s years", false);
    private static final Unit MONTHS = new Unit("months", "%s months", false);
    private static final Unit MONTH = new Unit("month", "month %s", true);
    private static final Unit DAY = new Unit("day", "day %s", false);
    private static final Unit DATE = new Unit("date", "date %s", true);
    private static final Unit TIME = new Unit("time", "time %s", false);
    private static final Unit AGE = new Unit("age", "age %s", false);
    private static final Unit AGE_GROUP = new Unit("age", "age group %s (대)", true);

    @FunctionalInterface
    private interface UnitChoice {
        /** The units the word names after this amount; empty when the word cannot be a unit here. */
        List<Unit> after(Amount amount, boolean multiplied);
    }

    private record UnitWord(Pattern pattern, boolean attachedOnly, String note, UnitChoice choice) {
    }

    private static UnitWord word(String regex, Unit unit) {
        return new UnitWord(Pattern.compile(regex), false, null, (amount, multiplied) -> List.of(unit));
    }

    private static UnitWord attached(String regex, Unit unit) {
        return new UnitWord(Pattern.compile(regex), true, null, (amount, multiplied) -> List.of(unit));
    }

    private static UnitWord chosen(String regex, UnitChoice choice) {
        return new UnitWord(Pattern.compile(regex), false, null, choice);
    }

    /*
     * Tried in order, after the number and at most one space. A Korean unit is one syllable that also begins many
     * words, so each excludes the words that follow numbers in news text ("3 장관", "5 대표", "2023 인공지능"); 인 is
     * a unit only before a particle. Percentage points come before percent: "%p" is not "%" and a stray "p".
     */
    private static final List<UnitWord> UNIT_WORDS = List.of(
            word("[%％]\\s?(?:p(?:oints?|ts?)?(?![A-Za-z])|포인트)|퍼센트\\s?포인트", PERCENTAGE_POINTS),
            word("(?i:percentage[ -]points?|percent[ -]points?|pps?|ppts?)(?![A-Za-z])", PERCENTAGE_POINTS),
            word("[%％]|퍼센트|프로(?![그젝세필모야게스포듀페토텍미])", PERCENT),
            word("(?i:percent|per ?cent|pct)(?![A-Za-z])", PERCENT),
            new UnitWord(Pattern.compile("[명인]당"), false, "per, 당", (amount, multiplied) -> List.of(PERSONS)),
            word("명(?![예단령문확칭성시절품])", PERSONS),
            word("인(?![가-힣&&[^이은을의에가도씩조분용]])", PERSONS),
            word("(?i:people|persons?|workers?|employees)(?![A-Za-z])", PERSONS),
            word("개월", MONTHS),
            word("(?:개국|개사|개소|개)(?![월발선혁념인최편방입])", COUNT),
            word("건(?![강설물축전])", COUNT),
            word("장(?![관기비애소치점학르면단])", COUNT),
            chosen("대(?![학기표비통한응상책출규형화량체부신해회])", WrittenNumbers::countOrAgeGroup),
            word("곳|가지|차례", COUNT),
            word("(?i:cases?|units?|gpus?)(?![A-Za-z])", COUNT),
            word("배(?![터경달포출정분치우])", RATIO),
            word("(?i:times)(?![A-Za-z])", RATIO),
            attached("(?i:-?fold)(?![A-Za-z])", RATIO),
            attached("[xX](?![A-Za-z0-9])", RATIO),
            word("위(?![원해한기험치협상])", RANK),
            word("등(?![장록재교락한])", RANK),
            attached("(?:st|nd|rd|th)(?![A-Za-z])", RANK),
            word("군(?![사인대])", TIER),
            word("원(?![장전인칙자천래활하격])", KRW),
            word("(?i:won|krw)(?![A-Za-z])", KRW),
            word("달러|(?i:dollars?|usd)(?![A-Za-z])", USD),
            word("불(?![과가리법구안확교편황참허만신능발투꽃평])", USD),
            chosen("년대", (amount, multiplied) -> calendarYear(amount, multiplied) ? List.of(DECADE) : List.of()),
            chosen("년", (amount, multiplied) -> List.of(calendarYear(amount, multiplied) ? YEAR : YEARS)),
            chosen("월(?![급세간말드])",
                    (amount, multiplied) -> monthOfYear(amount, multiplied) ? List.of(MONTH) : List.of()),
            word("일(?![자본반정상하대원시용단])", DAY),
            word("세(?![대계금기트력종부])", AGE));

    private static boolean calendarYear(Amount amount, boolean multiplied) {
        return wholeWritten(amount, multiplied) && amount.value().compareTo(BigDecimal.valueOf(1000)) >= 0
                && amount.value().compareTo(BigDecimal.valueOf(9999)) <= 0;
    }

    private static boolean monthOfYear(Amount amount, boolean multiplied) {
        return wholeWritten(amount, multiplied) && amount.value().signum() > 0
                && amount.value().compareTo(BigDecimal.valueOf(12)) <= 0;
    }

    /** "20대" is twenty units or people in their twenties; "2대" only the units. */
    private static List<Unit> countOrAgeGroup(Amount amount, boolean multiplied) {
        boolean decade = wholeWritten(amount, multiplied) && amount.value().compareTo(BigDecimal.TEN) >= 0
                && amount.value().compareTo(BigDecimal.valueOf(90)) <= 0
                && amount.value().remainder(BigDecimal.TEN).signum() == 0;
        return decade ? List.of(COUNT, AGE_GROUP) : List.of(COUNT);
    }

    private static boolean wholeWritten(Amount amount, boolean multiplied) {
        return !multiplied && amount.convention() == Convention.PLAIN && amount.value().scale() <= 0;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Words around a number

    private static final Map<String, String> QUALIFIERS = Map.ofEntries(
            Map.entry("약", "about (약)"), Map.entry("대략", "about (대략)"), Map.entry("거의", "nearly (거의)"),
            Map.entry("최소", "at least (최소)"), Map.entry("최대", "up to (최대)"), Map.entry("이상", "at least (이상)"),
            Map.entry("이하", "at most (이하)"), Map.entry("미만", "under (미만)"), Map.entry("초과", "over (초과)"),
            Map.entry("가량", "about (가량)"), Map.entry("정도", "about (정도)"), Map.entry("쯤", "about (쯤)"),
            Map.entry("안팎", "about (안팎)"), Map.entry("내외", "about (내외)"), Map.entry("남짓", "over (남짓)"),
            Map.entry("넘게", "over (넘게)"), Map.entry("넘는", "over (넘는)"), Map.entry("여", "over (여)"));

    private static final Pattern QUALIFIER_BEFORE = Pattern.compile("(?:(?<![A-Za-z])((?i:about|around|approximately"
            + "|roughly|nearly|almost|over|more than|less than|fewer than|under|at least|up to|some))"
            + "|(?<![가-힣])(약|대략|거의|최소|최대))\\s*$");
    private static final Pattern QUALIFIER_AFTER = Pattern.compile(
            "\\s?(이상|이하|미만|초과|가량|정도|쯤|안팎|내외|남짓|넘게|넘는)|\\s((?i:or more|or less|or so))(?![A-Za-z])");
    /** "20여 차례", "1만여 명": some more than the number; not the 여 of 여성, 여러, 여름. */
    private static final Pattern SOME_MORE = Pattern.compile("여(?![성름러행전부권야론유파객당])");
    private static final Pattern RANGE_OPENER = Pattern.compile("(?<![A-Za-z])((?i:between|from))\\s+$");
    private static final Pattern DASH_OR_TILDE = Pattern.compile("\\s*[~∼～〜–—]\\s*|-|\\s+-\\s+");
    private static final Pattern TO = Pattern.compile("\\s+(?i:to)\\s+");
    private static final Pattern AND = Pattern.compile("\\s+(?i:and)\\s+");
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?:US\\$|(?<![A-Za-z])(?:USD|KRW)|\\$|[₩￦])\\s?$");
    private static final Pattern SCALE_WORD = Pattern.compile(
            "\\s?((?i:thousand|million|billion|trillion))(?![A-Za-z])");
    private static final Pattern SCALE_SUFFIX = Pattern.compile("(k|K|bn|mn|tn)(?![A-Za-z])");
    /** "1.2M" and "$3m" are millions; "3m" alone may be metres, so a small m needs the currency. */
    private static final Pattern MILLION_AFTER_CURRENCY = Pattern.compile("[mM](?![A-Za-z])");
    private static final Pattern MILLION = Pattern.compile("M(?![A-Za-z])");
    private static final Pattern DATE_WRITTEN = Pattern.compile(
            "(\\d{4})(?:([./-])(\\d{1,2})\\2(\\d{1,2})|\\.\\s(\\d{1,2})\\.\\s(\\d{1,2}))(?!\\d)");
    private static final Pattern TIME_WRITTEN = Pattern.compile(
            "([01]?\\d|2[0-4]):([0-5]\\d)(?::([0-5]\\d))?(?![\\d:])");

    private static final Pattern NATIVE_NUMERAL = Pattern.compile("하나|다섯|여섯|일곱|여덟|아홉|한|두|둘|세|셋|네|넷|열");
    private static final Map<String, Integer> NATIVE_VALUES = Map.ofEntries(Map.entry("한", 1), Map.entry("하나", 1),
            Map.entry("두", 2), Map.entry("둘", 2), Map.entry("세", 3), Map.entry("셋", 3), Map.entry("네", 4),
            Map.entry("넷", 4), Map.entry("다섯", 5), Map.entry("여섯", 6), Map.entry("일곱", 7), Map.entry("여덟", 8),
            Map.entry("아홉", 9), Map.entry("열", 10));
    /**
     * A native numeral is a number only before a counter ("두배", "세명") or before a space and a word ("세 나라");
     * otherwise it begins an ordinary word (세계, 네이버, 한국, 열린). "열 수 있다" is the verb 열다.
     */
    private static final Pattern NATIVE_COUNTER = Pattern.compile(
            "(?:명|배|개국|개|곳|가지|차례)(?![가-힣&&[^이가은는을를의에로와과도씩나만째]])");
    private static final Pattern WORD_AFTER = Pattern.compile("\\s(?=[가-힣A-Za-z])(?!수(?:\\s|있|없|도|밖))");
    /** "one" is left out: it is more often a pronoun ("one of the") than a count. */
    private static final Pattern ENGLISH_NUMERAL = Pattern.compile(
            "(?i)(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![A-Za-z])");
    private static final List<String> ENGLISH_VALUES = List.of("", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve");

    // ---------------------------------------------------------------------------------------------------------
    // A number as first read, before ranges are joined

    /** How a comma was read: PLAIN has none, so it agrees with either reading of a comma elsewhere in a range. */
    private enum Convention {
        PLAIN,
        THOUSANDS,
        DECIMAL_COMMA
    }

    private enum Opening {
        NO_WORD,
        BETWEEN,
        FROM
    }

    private enum Kind {
        DIGITS,
        NATIVE,
        ENGLISH
    }

    /**
     * The digits and multipliers read one way, before the unit; expression shows how ("3×10^8 + 3400×10^4"), and
     * note says what was assumed, if anything.
     */
    private record Amount(BigDecimal value, BigDecimal resolution, String expression, Convention convention,
            String note) {

        static Amount of(String digits, Convention convention) {
            BigDecimal value = new BigDecimal(digits);
            return new Amount(value, BigDecimal.ONE.movePointLeft(Math.max(value.scale(), 0)), digits, convention,
                    null);
        }

        Amount negated() {
            return new Amount(value.negate(), resolution, "-" + expression, convention, note);
        }

        Amount times(int exponent) {
            String base = expression.contains("×") || expression.contains(" ") ? "(" + expression + ")" : expression;
            return new Amount(value.movePointRight(exponent), resolution.movePointRight(exponent),
                    base + "×10^" + exponent, convention, note);
        }

        boolean agreesWith(Amount other) {
            return convention == Convention.PLAIN || other.convention == Convention.PLAIN
                    || convention == other.convention;
        }
    }

    private record Literal(int end, List<Amount> amounts) {
    }

    /** scaled: 만, 억, 조 or a scale word was applied; trailing: the exponent of one that ends the number ("50만"). */
    private record Multiplied(List<Amount> amounts, int end, boolean any, boolean scaled, int trailing) {
    }

    private record UnitMatch(List<Unit> units, int end, String note) {
    }

    private record Atom(int start, int end, List<Amount> amounts, List<Unit> units, boolean named,
            List<String> qualifiers, List<String> notes, boolean scaled, int trailing, Opening opening,
            boolean joinable) {
    }

    private record Step(Atom atom, int next) {
    }

    private static final class Scanner {
        private final String s;
        private final int n;
        private final boolean korean;

        Scanner(String s) {
            this.s = s;
            this.n = s.length();
            this.korean = isKorean(s);
        }

        void scan(List<Atom> atoms) {
            // A range joins two atoms, and one more shows whether the last of them joins the next.
            int enough = 2 * MAX_NUMBERS + 1;
            int i = 0;
            while (i < n && atoms.size() < enough) {
                char c = s.charAt(i);
                Step step = null;
                if (isDigit(c)) {
                    // "H100", "GPT4", "e400": a name or a code, not a quantity.
                    step = i > 0 && isLatin(s.charAt(i - 1)) ? new Step(null, tokenEnd(i)) : number(i);
                } else if (isHangul(c) && (i == 0 || !isWordChar(s.charAt(i - 1)))) {
                    step = nativeNumeral(i);
                } else if (isLatin(c) && (i == 0 || !isLatin(s.charAt(i - 1)))) {
                    step = englishNumeral(i);
                }
                if (step == null) {
                    i++;
                    continue;
                }
                if (step.atom() != null) {
                    atoms.add(step.atom());
                }
                i = Math.max(step.next(), i + 1);
            }
        }

        private Step number(int i) {
            Step dated = dateOrTime(i);
            if (dated != null) {
                return dated;
            }
            Literal literal = literal(i);
            if (literal.amounts().isEmpty()) {
                return new Step(null, literal.end());
            }
            int start = i;
            boolean negative = false;
            // A sign stands alone before the digits; "2014-2023" and "COVID-19" have none.
            if (i > 0 && "-−+".indexOf(s.charAt(i - 1)) >= 0 && (i == 1 || !isWordChar(s.charAt(i - 2)))) {
                start = i - 1;
                negative = s.charAt(i - 1) != '+';
            }
            Unit currency = null;
            Matcher prefix = before(CURRENCY_BEFORE, start, 5);
            if (prefix.find()) {
                currency = prefix.group().contains("KRW") || prefix.group().startsWith("₩")
                        || prefix.group().startsWith("￦") ? KRW : USD;
                start = prefix.start();
            }
            return finish(start, literal, negative, currency, Kind.DIGITS, null);
        }

        private Step nativeNumeral(int i) {
            Matcher word = at(NATIVE_NUMERAL, i, 2);
            if (!word.lookingAt()) {
                return null;
            }
            int end = word.end();
            if (!at(NATIVE_COUNTER, end, 3).lookingAt() && !at(WORD_AFTER, end, 2).lookingAt()) {
                return null;
            }
            int value = NATIVE_VALUES.get(word.group());
            return finish(i, wordLiteral(end, value), false, null, Kind.NATIVE,
                    "native Korean numeral " + word.group());
        }

        private Step englishNumeral(int i) {
            Matcher word = at(ENGLISH_NUMERAL, i, 7);
            if (!word.lookingAt() || !at(WORD_AFTER, word.end(), 2).lookingAt()) {
                return new Step(null, latinRunEnd(i));
            }
            int value = ENGLISH_VALUES.indexOf(word.group().toLowerCase(Locale.ROOT));
            return finish(i, wordLiteral(word.end(), value), false, null, Kind.ENGLISH, "written as a word");
        }

        private static Literal wordLiteral(int end, int value) {
            return new Literal(end, List.of(Amount.of(String.valueOf(value), Convention.PLAIN)));
        }

        /** The multipliers, unit and qualifiers after a number whose digits (or word) are read. */
        private Step finish(int start, Literal literal, boolean negative, Unit currency, Kind kind, String note) {
            Multiplied multiplied = kind == Kind.NATIVE
                    ? new Multiplied(literal.amounts(), literal.end(), false, false, 0)
                    : multiply(literal, kind == Kind.DIGITS, currency != null);
            int end = multiplied.end();
            List<String> qualifiers = new ArrayList<>(qualifiersBefore(start));
            List<String> notes = new ArrayList<>();
            if (note != null) {
                notes.add(note);
            }
            if (kind == Kind.DIGITS) {
                Matcher someMore = at(SOME_MORE, end, 1);
                if (someMore.lookingAt()) {
                    qualifiers.add(QUALIFIERS.get("여"));
                    end = someMore.end();
                }
            }
            List<Unit> units = List.of(NO_UNIT);
            boolean named = false;
            UnitMatch unit = unitAt(end, multiplied.amounts().get(0), multiplied.any());
            if (currency != null) {
                units = List.of(currency);
                named = true;
                if (unit != null && unit.units().equals(units)) {
                    end = unit.end();
                }
            } else if (unit != null) {
                units = unit.units();
                named = true;
                end = unit.end();
                if (unit.note() != null) {
                    notes.add(unit.note());
                }
            } else if (kind == Kind.DIGITS && end == literal.end() && end < n && isLatin(s.charAt(end))) {
                return new Step(null, latinRunEnd(end)); // "5G", "3D", "1e400": a code, not a quantity
            }
            Matcher after = at(QUALIFIER_AFTER, end, 12);
            if (after.lookingAt()) {
                String word = after.group(1) != null ? after.group(1) : after.group(2).toLowerCase(Locale.ROOT);
                qualifiers.add(QUALIFIERS.getOrDefault(word, word));
            }
            List<Amount> amounts = negative
                    ? multiplied.amounts().stream().map(Amount::negated).toList()
                    : multiplied.amounts();
            return new Step(new Atom(start, end, amounts, units, named, List.copyOf(qualifiers), List.copyOf(notes),
                    multiplied.scaled(), multiplied.trailing(), opening(start), true), end);
        }

        private Step dateOrTime(int i) {
            Matcher date = at(DATE_WRITTEN, i, 14);
            if (date.lookingAt()) {
                int month = Integer.parseInt(date.group(3) != null ? date.group(3) : date.group(5));
                int day = Integer.parseInt(date.group(4) != null ? date.group(4) : date.group(6));
                if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                    String iso = "%s-%02d-%02d".formatted(date.group(1), month, day);
                    return fixed(i, date.end(), date.group(1), iso, DATE);
                }
            }
            Matcher time = at(TIME_WRITTEN, i, 8);
            if (time.lookingAt() && (i == 0 || s.charAt(i - 1) != ':')) {
                return fixed(i, time.end(), time.group(1), time.group(), TIME);
            }
            return null;
        }

        private static Step fixed(int start, int end, String value, String written, Unit unit) {
            Amount amount = new Amount(new BigDecimal(value), BigDecimal.ONE, written, Convention.PLAIN, null);
            return new Step(new Atom(start, end, List.of(amount), List.of(unit), true, List.of(), List.of(), false, 0,
                    Opening.NO_WORD, false), end);
        }

        /**
         * Digits with their separators. "d,ddd" is read both as thousands and with a decimal comma; "1,6" and "3,14"
         * only with a decimal comma; "1,234,567" only as thousands; "1,2,3" as a list, so the number ends at the comma.
         * Korean text never writes a decimal comma, so there "1,2위" and "3,4월" are lists too (first and second; March
         * and April).
         */
        private Literal literal(int i) {
            int end = digitsEnd(i);
            String integer = s.substring(i, end);
            boolean inList = i >= 2 && s.charAt(i - 1) == ',' && isDigit(s.charAt(i - 2));
            StringBuilder digits = new StringBuilder(integer);
            String lastGroup = null;
            int groups = 0;
            while (commaThenDigit(end)) {
                int groupEnd = digitsEnd(end + 1);
                String group = s.substring(end + 1, groupEnd);
                if (group.length() != 3 || integer.length() > 3) {
                    if (groups == 0 && !inList && !korean && !commaThenDigit(groupEnd) && !dotThenDigit(groupEnd)) {
                        if (integer.length() + group.length() > MAX_DIGITS) {
                            return new Literal(groupEnd, List.of());
                        }
                        return new Literal(groupEnd,
                                List.of(Amount.of(integer + "." + group, Convention.DECIMAL_COMMA)));
                    }
                    break;
                }
                digits.append(group);
                lastGroup = group;
                groups++;
                end = groupEnd;
            }
            String fraction = "";
            if (dotThenDigit(end)) {
                int fractionEnd = digitsEnd(end + 1);
                if (dotThenDigit(fractionEnd)) {
                    return new Literal(tokenEnd(fractionEnd), List.of()); // "1.2.3": a version or an address
                }
                fraction = s.substring(end + 1, fractionEnd);
                end = fractionEnd;
            }
            if (digits.length() + fraction.length() > MAX_DIGITS) {
                return new Literal(tokenEnd(end), List.of());
            }
            String written = fraction.isEmpty() ? digits.toString() : digits + "." + fraction;
            if (groups == 0) {
                return new Literal(end, List.of(Amount.of(written, Convention.PLAIN)));
            }
            Amount thousands = Amount.of(written, Convention.THOUSANDS);
            if (groups == 1 && fraction.isEmpty() && !inList) {
                Amount decimalComma = Amount.of(integer + "." + lastGroup, Convention.DECIMAL_COMMA);
                return new Literal(end, List.of(thousands, decimalComma));
            }
            return new Literal(end, List.of(thousands));
        }

        private Multiplied multiply(Literal first, boolean korean, boolean currencyBefore) {
            if (korean) {
                Multiplied multiplied = koreanMultiplied(first);
                if (multiplied != null) {
                    return multiplied;
                }
            }
            int exponent = 0;
            int end = first.end();
            Matcher word = at(SCALE_WORD, end, 12);
            Matcher suffix = at(SCALE_SUFFIX, end, 2);
            if (word.lookingAt()) {
                exponent = switch (word.group(1).toLowerCase(Locale.ROOT)) {
                    case "thousand" -> 3;
                    case "million" -> 6;
                    case "billion" -> 9;
                    default -> 12;
                };
                end = word.end();
            } else if (suffix.lookingAt()) {
                exponent = switch (suffix.group(1)) {
                    case "k", "K" -> 3;
                    case "mn" -> 6;
                    case "bn" -> 9;
                    default -> 12;
                };
                end = suffix.end();
            } else if (at(MILLION, end, 1).lookingAt()
                    || currencyBefore && at(MILLION_AFTER_CURRENCY, end, 1).lookingAt()) {
                exponent = 6;
                end++;
            }
            if (exponent == 0) {
                return new Multiplied(first.amounts(), end, false, false, 0);
            }
            int by = exponent;
            return new Multiplied(first.amounts().stream().map(amount -> amount.times(by)).toList(), end, true, true,
                    exponent);
        }

        /**
         * Korean multipliers after digits, largest first. 천, 백, 십 multiply one group of digits; 만, 억, 조 multiply
         * everything since the previous one: 3억3400만 is 3×10^8 + 3400×10^4, 1조2천억 is 10^12 + 2×10^3×10^8, and
         * 4천100 ends in a bare group. Null when no multiplier follows the digits.
         */
        private Multiplied koreanMultiplied(Literal first) {
            List<Amount> parts = new ArrayList<>(List.of(first.amounts().get(0)));
            List<Integer> exponents = new ArrayList<>(List.of(0));
            int end = first.end();
            int endBeforeGroup = end;
            int groupStart = 0;
            int lastBig = 13;
            int lastSmall = 4;
            int trailing = 0;
            boolean scaled = false;
            boolean groupSetApart = false;
            while (true) {
                int current = parts.size() - 1;
                int at = end < n && s.charAt(end) == ' ' ? end + 1 : end; // "26 만"
                int next = at;
                int small = smallExponent(next);
                if (small > 0 && small < lastSmall) {
                    next++;
                } else {
                    small = 0;
                }
                int big = bigExponent(next);
                if (big > 0 && big < lastBig) {
                    next++;
                } else {
                    big = 0;
                }
                boolean found = (small > 0 || big > 0) && (at == end || standsAlone(next));
                if (!found) {
                    // A bare last group must fit below the multiplier before it (4천100, not 4천5000), and a group
                    // followed by a multiplier out of order ("3만 3만", "4천5천") is not this number's.
                    if (current > 0 && (groupSetApart || smallExponent(end) > 0 || bigExponent(end) > 0
                            || parts.get(current).value()
                                    .compareTo(BigDecimal.ONE.movePointRight(exponents.get(current - 1))) >= 0)) {
                        parts.remove(current);
                        exponents.remove(current);
                        end = endBeforeGroup;
                    }
                    break;
                }
                if (small > 0) {
                    exponents.set(current, small);
                    lastSmall = small;
                }
                if (big > 0) {
                    for (int k = groupStart; k <= current; k++) {
                        exponents.set(k, exponents.get(k) + big);
                    }
                    groupStart = current + 1;
                    lastBig = big;
                    lastSmall = 4;
                    scaled = true;
                }
                trailing = big;
                end = next;
                // Korean spacing may set groups apart after 만/억/조 ("3억 3400만"), but only groups that carry
                // their own multiplier: "20억 3명" is two numbers.
                int groupAt = end < n && isDigit(s.charAt(end)) ? end
                        : big > 0 && end + 1 < n && s.charAt(end) == ' ' && isDigit(s.charAt(end + 1)) ? end + 1 : -1;
                if (groupAt < 0) {
                    break;
                }
                Literal group = literal(groupAt);
                if (group.amounts().isEmpty() || group.amounts().get(0).convention() == Convention.DECIMAL_COMMA
                        || group.amounts().get(0).value().scale() > 0) {
                    break;
                }
                if (groupAt != end && smallExponent(group.end()) == 0 && bigExponent(group.end()) == 0) {
                    break;
                }
                groupSetApart = groupAt != end;
                endBeforeGroup = end;
                parts.add(group.amounts().get(0));
                exponents.add(0);
                end = group.end();
                trailing = 0;
            }
            if (parts.size() == 1 && exponents.get(0) == 0) {
                return null;
            }
            // "3억5천" is often short for 3억5천만, and "1조2천" for 1조2천억: the multiplier below the last big one
            // is left unwritten. Read that way too, after the reading as written.
            int last = parts.size() - 1;
            List<Integer> shorthand = null;
            if (last > 0 && groupStart == last && exponents.get(last) > 0 && lastBig >= 8) {
                shorthand = new ArrayList<>(exponents);
                shorthand.set(last, exponents.get(last) + lastBig - 4);
            }
            List<Amount> amounts = new ArrayList<>();
            for (Amount alternative : first.amounts()) {
                parts.set(0, alternative);
                amounts.add(sum(parts, exponents, null));
                if (shorthand != null) {
                    amounts.add(sum(parts, shorthand, (lastBig == 8 ? "만" : "억") + " left unwritten"));
                }
            }
            return new Multiplied(amounts, end, true, scaled, trailing);
        }

        private static Amount sum(List<Amount> parts, List<Integer> exponents, String note) {
            BigDecimal value = BigDecimal.ZERO;
            StringBuilder expression = new StringBuilder();
            for (int k = 0; k < parts.size(); k++) {
                int exponent = exponents.get(k);
                value = value.add(parts.get(k).value().movePointRight(exponent));
                expression.append(k > 0 ? " + " : "").append(parts.get(k).expression())
                        .append(exponent > 0 ? "×10^" + exponent : "");
            }
            int last = parts.size() - 1;
            BigDecimal resolution = parts.get(last).resolution().movePointRight(exponents.get(last));
            return new Amount(value, resolution, expression.toString(), parts.get(0).convention(), note);
        }

        /** A multiplier set apart by a space ("26 만 명") must not begin a word ("100 천연가스"). */
        private boolean standsAlone(int after) {
            return after >= n || !isHangul(s.charAt(after))
                    || unitAt(after, Amount.of("1", Convention.PLAIN), true) != null;
        }

        private UnitMatch unitAt(int pos, Amount amount, boolean multiplied) {
            boolean spaced = pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\u00A0');
            int from = spaced ? pos + 1 : pos;
            for (UnitWord word : UNIT_WORDS) {
                if (spaced && word.attachedOnly()) {
                    continue;
                }
                Matcher m = at(word.pattern(), from, 24);
                if (m.lookingAt()) {
                    List<Unit> units = word.choice().after(amount, multiplied);
                    if (!units.isEmpty()) {
                        return new UnitMatch(units, m.end(), word.note());
                    }
                }
            }
            return null;
        }

        private List<String> qualifiersBefore(int start) {
            Matcher m = before(QUALIFIER_BEFORE, start, 24);
            if (!m.find()) {
                return List.of();
            }
            String word = m.group(1) != null ? m.group(1).toLowerCase(Locale.ROOT) : m.group(2);
            return List.of(QUALIFIERS.getOrDefault(word, word));
        }

        private Opening opening(int start) {
            Matcher m = before(RANGE_OPENER, start, 12);
            if (!m.find()) {
                return Opening.NO_WORD;
            }
            return m.group(1).equalsIgnoreCase("between") ? Opening.BETWEEN : Opening.FROM;
        }

        private Matcher at(Pattern pattern, int from, int span) {
            return pattern.matcher(s).region(from, Math.min(n, from + span)).useTransparentBounds(true);
        }

        private Matcher before(Pattern pattern, int to, int span) {
            return pattern.matcher(s).region(Math.max(0, to - span), to).useTransparentBounds(true);
        }

        private int smallExponent(int pos) {
            return pos >= n ? 0 : switch (s.charAt(pos)) {
                case '천' -> 3;
                case '백' -> 2;
                case '십' -> 1;
                default -> 0;
            };
        }

        private int bigExponent(int pos) {
            return pos >= n ? 0 : switch (s.charAt(pos)) {
                case '만' -> 4;
                case '억' -> 8;
                case '조' -> 12;
                default -> 0;
            };
        }

        private int digitsEnd(int pos) {
            while (pos < n && isDigit(s.charAt(pos))) {
                pos++;
            }
            return pos;
        }

        /** The end of a run of digits and the separators between them, so that a skipped token is skipped whole. */
        private int tokenEnd(int pos) {
            pos = digitsEnd(pos);
            while (commaThenDigit(pos) || dotThenDigit(pos)) {
                pos = digitsEnd(pos + 1);
            }
            return pos;
        }

        private int latinRunEnd(int pos) {
            while (pos < n && isLatin(s.charAt(pos))) {
                pos++;
            }
            return pos;
        }

        private boolean commaThenDigit(int pos) {
            return pos + 1 < n && s.charAt(pos) == ',' && isDigit(s.charAt(pos + 1));
        }

        private boolean dotThenDigit(int pos) {
            return pos + 1 < n && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // From atoms to written numbers: ranges, readings, forms

    private static List<WrittenNumber> join(String s, List<Atom> atoms) {
        boolean korean = isKorean(s);
        List<WrittenNumber> numbers = new ArrayList<>();
        for (int i = 0; i < atoms.size() && numbers.size() < MAX_NUMBERS; i++) {
            WrittenNumber range = i + 1 < atoms.size() ? range(s, atoms.get(i), atoms.get(i + 1), korean) : null;
            if (range != null) {
                numbers.add(range);
                i++;
            } else {
                numbers.add(single(s, atoms.get(i), korean));
            }
        }
        return numbers;
    }

    private static WrittenNumber single(String s, Atom atom, boolean korean) {
        List<Amount> amounts = settle(atom.amounts(), atom.units(), korean);
        List<Reading> readings = new ArrayList<>();
        for (Amount amount : amounts) {
            for (Unit unit : atom.units()) {
                readings.add(new Reading(amount.value(), amount.value(), amount.resolution(), unit.code(),
                        form(atom.qualifiers(), unit.describe(amount.expression()),
                                notesFor(atom.notes(), amount.convention(), amounts.size() > 1, amount))));
            }
        }
        return new WrittenNumber(s.substring(atom.start(), atom.end()), atom.start(), atom.end(), readings);
    }

    /**
     * Two numbers joined by a dash, a tilde, "to" or "between … and" as one range; null when they are not one. The
     * unit written once applies to both ends ("30만~50만 달러"), and so does a multiplier written only on the second
     * end ("30~50만") when that keeps the range ascending ("500~1만" keeps 500). "from X to Y" is usually a change,
     * not a range, so it stays two numbers.
     */
    private static WrittenNumber range(String s, Atom low, Atom high, boolean korean) {
        if (!low.joinable() || !high.joinable() || !connects(s.substring(low.end(), high.start()), low.opening())) {
            return null;
        }
        List<Unit> units;
        if (low.named() && high.named()) {
            if (!low.units().equals(high.units())) {
                return null;
            }
            units = high.units();
        } else {
            units = low.named() ? low.units() : high.units();
        }
        List<String> notes = new ArrayList<>(low.notes());
        high.notes().stream().filter(note -> !notes.contains(note)).forEach(notes::add);
        List<Amount> lows = low.amounts();
        if (!low.scaled() && high.trailing() > 0) {
            List<Amount> shifted = lows.stream().map(amount -> amount.times(high.trailing())).toList();
            boolean ascending = shifted.stream().allMatch(
                    amount -> high.amounts().stream().anyMatch(top -> amount.value().compareTo(top.value()) < 0));
            if (ascending) {
                lows = shifted;
                notes.add("×10^" + high.trailing() + " applies to both ends");
            }
        }
        lows = settle(lows, units, korean);
        List<Amount> highs = settle(high.amounts(), units, korean);
        List<String> qualifiers = new ArrayList<>(low.qualifiers());
        qualifiers.addAll(high.qualifiers());
        boolean ambiguous = lows.size() > 1 || highs.size() > 1;
        List<Reading> readings = new ArrayList<>();
        for (Amount bottom : lows) {
            for (Amount top : highs) {
                if (!bottom.agreesWith(top) || bottom.value().compareTo(top.value()) >= 0) {
                    continue;
                }
                Convention convention = bottom.convention() != Convention.PLAIN ? bottom.convention()
                        : top.convention();
                for (Unit unit : units) {
                    String description = unit.describe(bottom.expression() + " to " + top.expression());
                    List<String> said = notesFor(notes, convention, ambiguous, bottom, top);
                    readings.add(new Reading(bottom.value(), top.value(), bottom.resolution().max(top.resolution()),
                            unit.code(), form(qualifiers, description, said)));
                }
            }
        }
        if (readings.isEmpty()) {
            return null;
        }
        return new WrittenNumber(s.substring(low.start(), high.end()), low.start(), high.end(), readings);
    }

    private static boolean connects(String between, Opening opening) {
        if (between.length() > 9) {
            return false;
        }
        return DASH_OR_TILDE.matcher(between).matches()
                || opening != Opening.FROM && TO.matcher(between).matches()
                || opening == Opening.BETWEEN && AND.matcher(between).matches();
    }

    /**
     * A comma before exactly three digits is a thousands separator in Korean text (which never writes a decimal
     * comma) and before a unit that counts whole things ("8,579 people" is not 8.579 people).
     */
    private static List<Amount> settle(List<Amount> amounts, List<Unit> units, boolean korean) {
        boolean readAsThousands = amounts.stream().anyMatch(amount -> amount.convention() == Convention.THOUSANDS);
        if (!readAsThousands || !(korean || units.stream().anyMatch(Unit::whole))) {
            return amounts;
        }
        return amounts.stream().filter(amount -> amount.convention() != Convention.DECIMAL_COMMA).toList();
    }

    private static List<String> notesFor(List<String> notes, Convention convention, boolean ambiguous,
            Amount... amounts) {
        List<String> all = new ArrayList<>(notes);
        for (Amount amount : amounts) {
            if (amount.note() != null && !all.contains(amount.note())) {
                all.add(amount.note());
            }
        }
        if (convention == Convention.DECIMAL_COMMA) {
            all.add("comma read as a decimal mark");
        } else if (convention == Convention.THOUSANDS && ambiguous) {
            all.add("comma read as a thousands separator");
        }
        return all;
    }

    private static String form(List<String> qualifiers, String description, List<String> notes) {
        StringBuilder form = new StringBuilder();
        for (String qualifier : qualifiers) {
            form.append(qualifier).append(' ');
        }
        form.append(description);
        if (!notes.isEmpty()) {
            form.append(" (").append(String.join("; ", notes)).append(')');
        }
        return form.toString();
    }

    private static boolean isKorean(String s) {
        return s.chars().anyMatch(c -> isHangul((char) c));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLatin(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isHangul(char c) {
        return c >= '가' && c <= '힣';
    }

    private static boolean isWordChar(char c) {
        return isDigit(c) || isLatin(c) || isHangul(c);
    }
}
