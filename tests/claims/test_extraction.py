"""What the extractor finds: table-driven cases for every kind, qualifier and non-claim."""

from __future__ import annotations

import pytest

from claims import extract_claims


def find(text: str, surface: str):
    """The claim whose text is ``surface`` (exactly one must exist)."""
    matches = [c for c in extract_claims(text, doc="t.txt") if c.text == surface]
    assert len(matches) == 1, [c.text for c in extract_claims(text, doc="t.txt")]
    return matches[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "low", "high", "precision"),
    [
        ("Ties were set up in 1998 after talks.", "1998", "1998", "1998-01-01", "1998-12-31", "year"),
        ("He served from 2018-2024 in Tokyo.", "2018-2024", "2018/2024", "2018-01-01", "2024-12-31", "range"),
        ("The plan covers 2026\u20112030.", "2026\u20112030", "2026/2030", "2026-01-01", "2030-12-31", "range"),
        ("On December 20, 2025, they met.", "December 20, 2025", "2025-12-20", "2025-12-20", "2025-12-20", "day"),
        ("Signed on 20 December 2025 in Tokyo.", "20 December 2025", "2025-12-20", "2025-12-20", "2025-12-20", "day"),
        ("Signed on Dec. 20, 2025 in Tokyo.", "Dec. 20, 2025", "2025-12-20", "2025-12-20", "2025-12-20", "day"),
        ("Dated 2025-12-20.", "2025-12-20", "2025-12-20", "2025-12-20", "2025-12-20", "day"),
        ("In February 1992, Japan recognised it.", "February 1992", "1992-02", "1992-02-01", "1992-02-29", "month"),
        ("As of the 2021 fiscal year, aid grew.", "the 2021 fiscal year", "2021", "2021-01-01", "2022-12-31", "fiscal_year"),
        ("Results for FY2021 were strong.", "FY2021", "2021", "2021-01-01", "2022-12-31", "fiscal_year"),
        ("A pilot launch in Q2 2026 is planned.", "Q2 2026", "2026-Q2", "2026-04-01", "2026-06-30", "quarter"),
        ("It was built in the 1990s.", "the 1990s", "199", "1990-01-01", "1999-12-31", "decade"),
        ("Work ends in mid-2024.", "mid-2024", "2024", "2024-01-01", "2024-12-31", "year"),
        # a year as it is said is a year, not the sum of its words
        ("The bridge opened in eighteen ninety-one.", "eighteen ninety-one", "1891", "1891-01-01", "1891-12-31",
         "year"),
        ("Work began in twenty sixteen.", "twenty sixteen", "2016", "2016-01-01", "2016-12-31", "year"),
        ("It was founded in nineteen sixty-seven.", "nineteen sixty-seven", "1967", "1967-01-01", "1967-12-31",
         "year"),
    ],
)
def test_dates_keep_their_precision(text, surface, value, low, high, precision):
    claim = find(text, surface)
    assert claim.kind == "date"
    assert (claim.value, claim.low, claim.high, claim.precision) == (value, low, high, precision)


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "low", "high", "unit"),
    [
        ("Japan gave US$39.2 million in aid.", "US$39.2 million", "money", 39_200_000, 39_150_000, 39_250_000, "USD"),
        ("Aid reached $462 million.", "$462 million", "money", 462_000_000, 461_500_000, 462_500_000, "USD"),
        ("It spent over 38 million dollars.", "over 38 million dollars", "money", 38_000_000, 38_000_000, None, "USD"),
        ("It pledged 3 trillion yen.", "3 trillion yen", "money", 3e12, 2.5e12, 3.5e12, "JPY"),
        ("Japan will provide US$352,530 for it.", "US$352,530", "money", 352_530, 352_530, 352_530, "USD"),
        ("A €5bn fund was set up.", "€5bn", "money", 5e9, 4.5e9, 5.5e9, "EUR"),
        ("Exports rose by 30\u202f% within five years.", "30\u202f%", "percent", 30, 29.5, 30.5, "%"),
        ("Scholarships rise by 20 per cent.", "20 per cent", "percent", 20, 19.5, 20.5, "%"),
        ("One of 470 humanitarian projects.", "470", "count", 470, 470, 470, None),
        ("Nine Foreign Ministers' Meetings were held; nine in all.", "Nine", "count", 9, 9, 9, None),
        ("Japan trained approximately 13,220 trainees.", "approximately 13,220", "count", 13220, 12559, 13881, None),
        ("It sent three X-ray machines.", "three", "count", 3, 3, 3, None),
        ("It finances 10-15 projects a year.", "10-15", "count", None, 10, 15, None),
        ("The Nurek plant (capacity: 3 GW) was upgraded.", "3 GW", "quantity", 3, 2.5, 3.5, "GW"),
        ("The line is 22.4 km long.", "22.4 km", "quantity", 22.4, 22.35, 22.45, "km"),
        # a spaced single-letter unit is read wherever the sentence stands, not only near its start
        ("A wall 22 m high.", "22 m", "quantity", 22, 21.5, 22.5, "m"),
        # a bare C or F is a temperature where temperatures are spoken of
        ("Temperatures peaked at 40.2 C (104.4 F).", "40.2 C", "quantity", 40.2, 40.15, 40.25, "°C"),
        ("Temperatures peaked at 40.2 C (104.4 F).", "104.4 F", "quantity", 104.4, 104.35, 104.45, "°F"),
        ("It hit 41.2C on the hottest day.", "41.2C", "quantity", 41.2, 41.15, 41.25, "°C"),
        # a unit of two words written with a hyphen, as an adjective
        ("The 7,400 square-metre building opened.", "7,400 square-metre", "quantity", 7400, 7399.5, 7400.5, "m²"),
        ("The 2,300-square-metre centre opened.", "2,300-square-metre", "quantity", 2300, 2299.5, 2300.5, "m²"),
        ("A 5,000-square-foot hall.", "5,000-square-foot", "quantity", 5000, 4999.5, 5000.5, "ft²"),
        # "last" after "to" or a modal is the verb: a duration, not the last five years
        ("It was designed to last five years.", "five years", "quantity", 5, 5, 5, "yr"),
        ("The battery should last seven years.", "seven years", "quantity", 7, 7, 7, "yr"),
        ("The longest cantilever reaches 58 m and weighs 7 t.", "58 m", "quantity", 58, 57.5, 58.5, "m"),
        ("Longest cantilever                        58 m\n", "58 m", "quantity", 58, 57.5, 58.5, "m"),
        ("Up to two million dollars are allocated.", "Up to two million dollars", "money", 2e6, None, 2e6, "USD"),
        ("Nearly 50,000 fans came.", "Nearly 50,000", "count", 50000, 47500, 50000, None),
        # two number words without a word that takes a year are a number
        ("Twenty twenty people came.", "Twenty twenty", "count", 40, 40, 40, None),
        ("More than 100,000 people left.", "More than 100,000", "count", 100000, 100000, None, None),
        # two spelled numbers side by side are two numbers, not a sum (not 28)
        ("Twenty‑four four‑car trains were ordered.", "Twenty‑four", "count", 24, 24, 24, None),
        ("Twenty-four four-car trains were ordered.", "Twenty-four", "count", 24, 24, 24, None),
        ("It cost one point five million dollars.", "one point five million dollars", "money", 1.5e6, 1.5e6, 1.5e6,
         "USD"),
        # a currency code that is an English word, in a headline set in capitals, is the word
        ("BRENMOOR TO REPLACE ALL 146 HANGERS", "ALL 146", "count", 146, 146, 146, None),
        ("TOP 10 SCHOOLS NAMED", "10", "count", 10, 10, 10, None),
        # ... unless a scale follows, or the text around it is not in capitals
        ("TURKEY PAYS TRY 5 MILLION", "TRY 5 MILLION", "money", 5e6, 4.5e6, 5.5e6, "TRY"),
        ("The fee is TRY 5,000 a year.", "TRY 5,000", "money", 5000, 5000, 5000, "TRY"),
        ("A fine of MAD 500 HT was imposed.", "MAD 500", "money", 500, 500, 500, "MAD"),
        ("Price: PEN 120 VAT included.", "PEN 120", "money", 120, 120, 120, "PEN"),
        # another currency after the amount is no word in capitals
        ("Fee: TRY 500 EUR 14", "TRY 500", "money", 500, 500, 500, "TRY"),
        ("Fee            TRY 500        TRY 650", "TRY 650", "money", 650, 650, 650, "TRY"),
    ],
)
def test_numbers_values_and_intervals(text, surface, kind, value, low, high, unit):
    claim = find(text, surface)
    assert claim.kind == kind
    assert claim.unit == unit
    assert claim.value == pytest.approx(value) if value is not None else claim.value is None
    assert claim.low == pytest.approx(low) if low is not None else claim.low is None
    assert claim.high == pytest.approx(high) if high is not None else claim.high is None


@pytest.mark.parametrize(
    ("text", "surface", "qualifier"),
    [
        ("It has over 500 staff.", "over 500", "over"),
        ("It has more than 500 staff.", "more than 500", "more than"),
        ("It has up to 500 staff.", "up to 500", "up to"),
        ("It has at most 500 staff.", "at most 500", "at most"),
        # a "not" before the bound turns it round: a cap, not a floor
        ("A capacity not exceeding 1,200 MW.", "not exceeding 1,200 MW", "at most"),
        ("Costs not to exceed $5 million.", "not to exceed $5 million", "at most"),
        ("Turbines must not exceed 270 metres.", "not exceed 270 metres", "at most"),
        ("It cannot exceed 40 tonnes.", "cannot exceed 40 tonnes", "at most"),
        ("Stakes not below 40% were kept.", "not below 40%", "at least"),
        ("Visitor numbers exceeded 1 million.", "exceeded 1 million", "exceeding"),
        ("It has approximately 500 staff.", "approximately 500", "approximately"),
        ("It has about 500 staff.", "about 500", "about"),
        ("It has nearly 500 staff.", "nearly 500", "nearly"),
        ("It took under a year to build.", "under a year", "under"),
        ("The deal runs over eight years.", "over eight years", "over"),
        # a preposition before a number that describes a noun bounds nothing
        ("It runs the scheme under an eight-year contract.", "an eight-year", None),
        ("Homes were sold under a 25-year lease.", "25-year", None),
        ("Shops within a 5-km radius closed.", "5-km", None),
        ("Trucks over 12-tonne limits were barred.", "12-tonne", None),
        # ... but other qualifiers keep their bound, and so does a unit that describes no noun
        ("He faces up to an eight-year sentence.", "up to an eight-year", "up to"),
        ("Patients waited over 4-hours in A&E.", "over 4-hours", "over"),
        ("Trucks over 12-tonne were barred.", "over 12-tonne", "over"),
        ("The wait was over 2½ hours.", "over 2½ hours", "over"),
    ],
)
def test_qualifier_words_are_recorded(text, surface, qualifier):
    assert find(text, surface).qualifier == qualifier


def test_rounding_precision_widens_the_interval():
    claim = find("Japan has provided US$39.2 million in aid.", "US$39.2 million")
    assert (claim.low, claim.high) == (39_150_000, 39_250_000)


@pytest.mark.parametrize(
    ("text", "not_a_claim"),
    [
        ("The Dushanbe No. 14 Health Center was upgraded.", "No. 14"),
        ("Health Center No. 14 got new machines.", "No. 14"),
        ("UN General Assembly Resolution 77/158 was welcomed.", "77/158"),
        ("It is a member of the G7.", "G7"),
        ("During the COVID-19 pandemic, aid grew.", "COVID-19"),
        ("Trains on Line 3 run every five minutes.", "Line 3"),
        ("The PGII,\u00b2\u2077 the G7, is cooperating.", "\u00b2\u2077"),
        ("promoting inclusive education^{*1} since 2014", "^{*1}"),
        ("1. Both sides welcomed the signing.", "1."),
        ("01 Tokyo's Strategic Layout", "01"),
        ("Page 2 of 3", "Page 2 of 3"),
        ("Call +44 20 7946 0958 for tickets.", "+44 20 7946 0958"),
        ("Rahmon met Taro Aso, a Group 7 member, in Tokyo.", "Group 7"),
        # a month abbreviation is a whole word: no "3 mar" in "Line 3 marks"
        ("The year that Line 3 marks its anniversary.", "3 mar"),
        ("Building 5 junctions took a year.", "5 jun"),
        # a letter after a number is a code, unless temperatures are spoken of
        ("It hit 41.2C on Tuesday.", "41.2C"),
        ("Room 5C was hot.", "5C"),
        ("Room 5 C was hot.", "5 C"),
        ("Section 3 F covers heat.", "3 F"),
    ],
)
def test_identifiers_and_furniture_are_not_claims(text, not_a_claim):
    start = text.index(not_a_claim)
    end = start + len(not_a_claim)
    overlapping = [c.text for c in extract_claims(text) if c.start < end and start < c.end]
    assert overlapping == []


@pytest.mark.parametrize("line", ["3 Results and discussion", "01 Section heading", "3 Marketing plan",
                                  "12 Mayors of the region", "4 Junebug Farm", "3 May Day traditions"])
def test_a_contents_line_keeps_its_number_masked(line):
    # a word that only begins like a month ("Mar-keting") does not make its number a day
    assert [c.text for c in extract_claims(f"Contents\n\n{line}\n")] == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a date that opens a line of a timeline or fact sheet is no contents-line number
        ("TIMELINE\n\n15 Aug 2024, 08:00    Results published\n", "15 Aug 2024, 08:00", "2024-08-15"),
        ("TIMELINE\n\n3 Sep 2024            Corrected results issued\n", "3 Sep 2024", "2024-09-03"),
        ("Key dates\n15 August 2024    Results day\n", "15 August 2024", "2024-08-15"),
        ("Key dates\n01 March 2024 Opening of the wing\n", "01 March 2024", "2024-03-01"),
        ("Key dates\n15 AUG 2024    Results day\n", "15 AUG 2024", "2024-08-15"),
        ("Timeline\n4 Oct 2024: Launch\n12 Nov: Vote\n", "4 Oct 2024", "2024-10-04"),
    ],
)
def test_a_date_at_the_start_of_a_line_is_read_whole(text, surface, value):
    assert find(text, surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("They celebrate the 32nd anniversary.", "32nd", 32),
        ("It is the 40th edition.", "40th", 40),
        ("The third phase starts now.", "third", 3),
    ],
)
def test_ordinals_are_their_own_kind(text, surface, value):
    claim = find(text, surface)
    assert (claim.kind, claim.value) == ("ordinal", value)


def test_every_claim_has_its_sentence():
    text = "Aid began in 1996. Since then, 470 projects were funded.\n\nA new line.\n"
    for claim in extract_claims(text):
        assert claim.text in claim.sentence
        assert text[claim.sentence_start:claim.sentence_start + len(claim.sentence)] == claim.sentence


@pytest.mark.parametrize(
    ("text", "surface", "sentence"),
    [
        ("Some 2,870 households were resettled.[5] Compensation of $195 million was paid.", "$195 million",
         "Compensation of $195 million was paid."),
        ("Some 2,870 households were resettled.[5] Compensation of $195 million was paid.", "Some 2,870",
         "Some 2,870 households were resettled.[5]"),
        ("The line opened in 1987.³ It carries 70,000 riders.", "70,000", "It carries 70,000 riders."),
        ("It said \"we paid $5 million.\"[12] Then 40 staff left.", "40", "Then 40 staff left."),
    ],
)
def test_a_footnote_marker_after_a_full_stop_ends_the_sentence(text, surface, sentence):
    assert find(text, surface).sentence == sentence


def test_crlf_offsets_stay_in_the_original_text():
    text = "First line.\r\nIt cost $5 million in 2019.\r\n"
    for claim in extract_claims(text):
        assert text[claim.start:claim.end] == claim.text


@pytest.mark.parametrize(
    ("text", "surface", "noun"),
    [
        ("The embassy has supported 459 local projects worth over 38 million dollars.", "459", "local projects"),
        ("It is one of 470 humanitarian projects implemented in Tajikistan.", "470", "humanitarian projects"),
        ("The city bought three X-ray machines.", "three", "x-ray machines"),
        ("About 13,220 trainees came to Japan.", "About 13,220", "trainees"),
        ("The district has 12 seed banks.", "12", "seed banks"),
    ],
)
def test_the_measured_noun_ends_where_the_predicate_starts(text, surface, noun):
    (claim,) = [c for c in extract_claims(text, doc="t.txt") if c.text == surface]
    assert claim.noun == noun


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("HELMSGATE TO ACQUIRE QUILLON IN $1.24\u00a0BILLION DEAL", "$1.24\u00a0BILLION", 1_240_000_000),
        ("Council Approves $5 Million Grant", "$5 Million", 5_000_000),
    ],
)
def test_scale_words_in_headline_case(text, surface, value):
    (claim,) = [c for c in extract_claims(text, doc="t.txt") if c.text == surface]
    assert claim.value == value


@pytest.mark.parametrize(
    ("text", "surface", "value", "low", "high"),
    [
        # the year named earlier in the text dates a day written without one
        ("The 2025 campaign was planned in January 2025. It began on 3 March.", "3 March",
         "--03-03", "2025-03-03", "2025-03-03"),
        ("On 5 May 2024 the board met. The vote followed on March 13.", "March 13",
         "--03-13", "2024-03-13", "2024-03-13"),
        # a month alone spans its days in the anchoring year (2024 is a leap year)
        ("Talks opened on 5 May 2024 and ended in February.", "February",
         "--02", "2024-02-01", "2024-02-29"),
        # no year before it: the date stays open rather than guessing
        ("It began on 3 March. Reports followed in 2025.", "3 March", "--03-03", None, None),
        # a day the anchoring year does not have is left open, never invented
        ("In 2023 the council met. Another vote came on 29 February.", "29 February",
         "--02-29", None, None),
    ],
)
def test_yearless_dates_take_the_year_named_before_them(text, surface, value, low, high):
    claim = find(text, surface)
    assert (claim.kind, claim.value, claim.low, claim.high) == ("date", value, low, high)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The fire was declared contained by 26 August.", "26 August"),
        ("The budget was approved in March. Work started later.", "March"),
        ("Signed on Dec. 20, 2025 in Tokyo.", "Dec. 20, 2025"),
        ("The survey ran from 3 Sept. to 9 Oct. last year.", "9 Oct."),
    ],
)
def test_a_sentence_full_stop_is_not_part_of_a_month(text, surface):
    claim = find(text, surface)
    assert text[claim.start:claim.end] == surface


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "low", "high"),
    [
        # a running time is a duration, in seconds: "2:07:48" against "2:08:47" is comparable
        ("He won in a time of 2:07:48, a course record.", "2:07:48", "quantity", 7668, 7667.5, 7668.5),
        ("Her winning time was 2:21:05.", "2:21:05", "quantity", 8465, 8464.5, 8465.5),
        ("The target is under 2:05:00 for the men.", "under 2:05:00", "quantity", 7500, None, 7500),
        # clocks stay clocks: after "at", after a date, zero-padded or two-digit hours, no seconds
        ("The polls opened at 7:00:00 sharp.", "7:00:00", "date", None, None, None),
        ("It struck at 02:14:07 UTC on Sunday.", "02:14:07 UTC", "date", None, None, None),
        ("The blog entry of 10:38:12 said so.", "10:38:12", "date", None, None, None),
        ("The race started at 9:00 in rain.", "9:00", "date", None, None, None),
    ],
)
def test_running_times_are_durations_and_clocks_stay_clocks(text, surface, kind, value, low, high):
    claim = find(text, surface)
    assert (claim.kind, claim.value, claim.low, claim.high) == (kind, value, low, high)
    if kind == "quantity":
        assert claim.unit == "s"


@pytest.mark.parametrize(
    ("text", "surface", "value", "low", "high", "unit"),
    [
        # a duration in two units is one claim, precise to the smaller unit
        ("Supply came back 18 hours and 30 minutes later.", "18 hours and 30 minutes", 18.5, 18.491666667,
         18.508333333, "h"),
        ("It took 2 hours 15 minutes.", "2 hours 15 minutes", 2.25, 2.241666667, 2.258333333, "h"),
        ("It took 5 minutes and 30 seconds.", "5 minutes and 30 seconds", 5.5, 5.491666667, 5.508333333, "min"),
        ("He served 2 years and 3 months.", "2 years", 2, 1.5, 2.5, "yr"),
        ("She won in 2 hours, 7 minutes, 48 seconds.", "2 hours, 7 minutes, 48 seconds", 2.13, 2.129861111,
         2.130138889, "h"),
        # ... only with the next smaller unit, and fewer of it than make one larger
        ("It took 2 hours, 90 minutes in all.", "2 hours", 2, 1.5, 2.5, "h"),
        ("It runs 10 hours with 30-minute breaks.", "10 hours", 10, 9.5, 10.5, "h"),
        ("Targets are 8 hours, 30 minutes and 15 minutes.", "8 hours", 8, 7.5, 8.5, "h"),  # a list
        ("It took 3 hours, 20 minutes per day.", "3 hours", 3, 2.5, 3.5, "h"),  # a rate follows
        ("It took 2-3 hours and 30 minutes.", "2-3 hours", None, 2, 3, "h"),  # a range
        ("It took about 2 hours and 30 minutes.", "about 2 hours and 30 minutes", 2.5, 2.366666667, 2.633333333,
         "h"),
        # a whole number with a vulgar fraction is one number
        ("The interruption lasted 16½ hours.", "16½ hours", 16.5, 16.4995, 16.5005, "h"),
        ("The trail is 3¼ miles long.", "3¼ miles", 3.25, 3.2495, 3.2505, "mi"),
        ("Temperatures fell to -2½ °C.", "-2½ °C", -2.5, -2.5005, -2.4995, "°C"),
        ("The pool is 2½ m deep.", "2½ m", 2.5, 2.4995, 2.5005, "m"),
    ],
)
def test_durations_in_two_units_and_mixed_fractions(text, surface, value, low, high, unit):
    claim = find(text, surface)
    assert (claim.value, claim.low, claim.high, claim.unit) == (value, low, high, unit)


def test_a_mixed_fraction_after_a_label_is_an_identifier():
    assert extract_claims("Trains leave from Platform 9¾ daily.", doc="t.txt") == []


def test_a_time_right_after_a_date_is_part_of_the_timestamp():
    claims = extract_claims("On 15 March 2024, 2:14:07 the quake hit.", doc="t.txt")
    assert [(c.text, c.kind, c.value) for c in claims] == [("15 March 2024, 2:14:07", "date", "2024-03-15")]


@pytest.mark.parametrize(
    ("text", "surface", "qualifier", "unit"),
    [
        # "add up to" is a total, not a cap
        ("The two pipelines, adding up to 80 megalitres a day, opened.", "80 megalitres", None, "Ml"),
        ("The bills added up to $4.2 million.", "$4.2 million", None, "USD"),
        ("The hall holds up to 400 people.", "up to 400", "up to", None),
        ("Reservoirs hold 2.1 gigalitres.", "2.1 gigalitres", None, "Gl"),
    ],
)
def test_adding_up_to_is_a_total_and_litres_scale(text, surface, qualifier, unit):
    claim = find(text, surface)
    assert (claim.qualifier, claim.unit) == (qualifier, unit)


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit"),
    [
        # a short code written before a scaled amount is the document's currency
        ("The census cost VT 38.6 million in total.", "VT 38.6 million", "money", 38_600_000, "VT"),
        ("It was built for VM\u00a0340\u00a0million.", "VM\u00a0340\u00a0million", "money", 340_000_000, "VM"),
        # ... and so is every other amount after it in that document
        ("The hall cost VM 340 million. Fees are VM 14,500 a year.", "VM 14,500", "money", 14_500, "VM"),
        # a code defined after a currency noun, with a small letter too
        ("Money is in Norvanian marks (NMk). A ticket is NMk 12.", "NMk 12", "money", 12, "NMk"),
        ("The plan costs NMk 412 million.", "NMk 412 million", "money", 412_000_000, "NMk"),
    ],
)
def test_short_currency_codes_the_document_makes_its_own(text, surface, kind, value, unit):
    claim = find(text, surface)
    assert (claim.kind, claim.value, claim.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    ("text", "not_money"),
    [
        ("Fees are VM 14,500 a year.", "VM"),  # never defined, never before a scaled amount
        ("Route AB 12 closes; the UK 60 million figure is old.", "UK"),
        ("The US 330 million population grew.", "US"),
        ("Meet at HQ 2 million times.", "HQ"),
    ],
)
def test_two_capitals_are_no_currency_unless_the_document_says_so(text, not_money):
    assert not [c for c in extract_claims(text, doc="t.txt") if c.unit == not_money]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a row label before a table gap names the row; the number is the row's first cell
        ("Area                 2014        2024\nBrackwater District  276 150     298 410\n", "276 150"),
        ("Area                 2014        2024\nBrackwater District  276 150     298 410\n", "2014"),
        ("Stage\t12\t400 riders\n", "12"),
    ],
)
def test_a_row_label_across_a_table_gap_is_no_identifier(text, surface):
    assert find(text, surface)


def test_a_label_right_before_a_number_still_makes_an_identifier():
    assert [c.text for c in extract_claims("Take Line 3 to the centre; District 9 is closed.", doc="t.txt")] == []


@pytest.mark.parametrize(
    ("text", "surface", "kind"),
    [
        # a letter that starts a name is no temperature, however heated the sentence
        ("The heated debate ended with 12 F-35 jets ordered.", "12", "count"),
        ("A hiring freeze hit 24 C-suite executives.", "24", "count"),
        # number words that are a clock time or a count are no year
        ("Polls stay open until eleven thirty tonight.", "eleven thirty", "count"),
        ("Of twenty thirty people surveyed, most agreed.", "twenty thirty", "count"),
        # "last" after a negation is the verb too
        ("It won't last five years.", "five years", "quantity"),
        ("It cannot last five years.", "five years", "quantity"),
    ],
)
def test_what_only_looks_like_a_temperature_a_year_or_a_period(text, surface, kind):
    assert find(text, surface).kind == kind


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The October election was fought on old numbers.", "October"),
        ("January saw a 3% rise.", "January"),  # a month that is no first name: alone too
        ("A third of the wolves were alive at the January count.", "January"),
        ("The August outage was the worst.", "August"),
        ("The fire, sparked by lightning in mid\u2011July, burned on.", "July"),  # a U+2011 hyphen
        ("It opened in late\u2011May.", "May"),
    ],
)
def test_a_plain_month_name_is_a_month_without_a_preposition(text, surface):
    claim = find(text, surface)
    assert (claim.kind, claim.precision) == ("date", "month")


@pytest.mark.parametrize(
    "text",
    [
        "April Smith chaired the meeting.",  # a first name, then the surname
        "August Wilson wrote the play.",
        "The call was answered, said June.",  # a first name alone
        "Her daughter June said so.",
        "April's mother agreed.",
        "It was the October Revolution.",  # a name after it
        "Early figures for March were encouraging.",  # "March" and "May" need a cue
        "May the best team win.",
        "OCTOBER REPORT",  # a heading in capitals
        "The Augusta plant closed.",
    ],
)
def test_a_month_word_that_is_a_name_or_another_word_is_no_month(text):
    assert [c.text for c in extract_claims(text) if c.kind == "date"] == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a label word and a colon: a fact sheet's key and its value, not a name
        ("Key facts\nStations: 14\n", "14", 14),
        ("Key facts\nBeds: 420\n", "420", 420),
        ("Number of screens: 7\n", "7", 7),
        ("Q: How many members do you have now?\nA: 1,240. More every year.", "1,240", 1240),
        ("Q: How many? A: 340.", "340", 340),
        ("Key figures\nEU: 27 members\n", "27", 27),  # a code is a key
        ("Target: 50,000 homes\n", "50,000", 50000),
    ],
)
def test_a_label_and_a_colon_give_a_value(text, surface, value):
    assert find(text, surface).value == value


@pytest.mark.parametrize("text", ["Trains on Line 3 run often.", "See No.: 14 in the file.", "Article: 5 applies.",
                                  # a label in the singular names what follows its colon
                                  "Platform: 2\n", "Gate: 14\n", "PIN: 1234\n"])
def test_a_name_or_a_strong_label_stays_an_identifier(text):
    assert [c.text for c in extract_claims(text)] == []


@pytest.mark.parametrize(
    ("text", "ordinal"),
    [
        ("It adds a second concentrator line.", "second"),
        ("They signed a second left-back.", "second"),
        ("A second phase would raise capacity.", "second"),
        ("They won for the second time.", "second"),
        ("Wait a second.", None),  # a unit of time
        ("A second later it fell.", None),
        ("She finished a second behind the leader.", None),
        ("Give me a second please.", None),
        ("on second thought", None),
        ("in a split second", None),
    ],
)
def test_a_second_is_an_ordinal_before_what_comes_second(text, ordinal):
    assert [c.text for c in extract_claims(text) if c.kind == "ordinal"] == ([ordinal] if ordinal else [])


@pytest.mark.parametrize(
    ("text", "surface", "kind", "precision"),
    [
        # a four-digit time of day with its zone is a time, not a year or a count
        ("at 10 a.m. local time (0700 GMT) at the hospital", "0700 GMT", "date", "time"),
        ("at 8:30 p.m. (1830 GMT) on Monday", "1830 GMT", "date", "time"),
        ("The ship landed at 2315 UTC.", "2315 UTC", "date", "time"),
        ("Flights resume at 0600 hrs.", "0600 hrs", "date", "time"),
        ("It completed 1200 hrs of training.", "1200 hrs", "quantity", None),  # a duration
        ("In 1830 the town grew.", "1830", "date", "year"),
        ("In 2000 GMT was renamed.", "2000", "date", "year"),  # a year, then a name
        ("Results are due by 2000 GMT.", "2000 GMT", "date", "time"),
        ("Trading resumed, since 1500 GMT.", "1500 GMT", "date", "time"),
        ("The ship docked at 1200Z.", "1200Z", "date", "time"),
        ("The 2000 Z-class ships sailed.", "2000", "date", "year"),
    ],
)
def test_a_time_of_day_in_four_digits_needs_its_zone(text, surface, kind, precision):
    claim = find(text, surface)
    assert claim.kind == kind
    if precision:
        assert claim.precision == precision
