"""Word lists the scanner reads: number words, months, scales, currencies, units, qualifiers.

Everything here is general English: nothing names a subject, a place or a document.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- numbers

UNITS_WORDS = {
    "zero": 0, "nil": 0, "naught": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Scales written after a number ("41.7 million", "5bn", "$10k"); value and whether the
# abbreviation is only trusted next to a currency ("$5m" but not "5m", which is metres).
SCALE_SUFFIXES: dict[str, tuple[float, bool]] = {
    "hundred": (1e2, False), "thousand": (1e3, False), "k": (1e3, True), "K": (1e3, True),
    "million": (1e6, False), "millions": (1e6, False), "mn": (1e6, False), "mln": (1e6, False),
    "m": (1e6, True), "M": (1e6, True), "billion": (1e9, False), "billions": (1e9, False),
    "bn": (1e9, False), "bln": (1e9, False), "b": (1e9, True), "B": (1e9, True),
    "trillion": (1e12, False), "trillions": (1e12, False), "tn": (1e12, False), "trn": (1e12, False),
    "dozen": (12.0, False), "dozens": (12.0, False), "mil": (1e6, False), "MM": (1e6, False),
    "lakh": (1e5, False), "lakhs": (1e5, False), "crore": (1e7, False), "crores": (1e7, False),
}

ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000,
}
# "first" is left out on purpose: "first light", "the first time", "one of the first" are
# almost never numeric claims.  Ordinal digits ("1st") are always kept.

FRACTION_WORDS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "thirds": 2 / 3, "quarters": 0.75}
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125,
                     "⅙": 1 / 6, "⅕": 0.2}

# --------------------------------------------------------------------------- dates

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
SEASONS = {"spring": ("03", "05"), "summer": ("06", "08"), "autumn": ("09", "11"),
           "fall": ("09", "11"), "winter": ("12", "02")}

# --------------------------------------------------------------------------- money

# Symbols written before the amount, longest first when matching.
CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "USD$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "NT$": "TWD",
    "MX$": "MXN", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "₽": "RUB", "₺": "TRY", "₪": "ILS", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND",
    "₴": "UAH", "₸": "KZT", "Rs.": "INR", "Rs": "INR", "CHF": "CHF",
}
ISO_4217 = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH
UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL RMB
""".split())
# Currency nouns written after the amount ("14 million euros", "4 trillion yen").
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "pound sterling": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "franc": "CHF", "francs": "CHF", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "won": "KRW", "peso": "MXN", "pesos": "MXN", "real": "BRL",
    "reais": "BRL", "lira": "TRY", "krona": "SEK", "kronor": "SEK", "krone": "NOK",
    "kroner": "NOK", "rand": "ZAR", "shekel": "ILS", "shekels": "ILS", "dirham": "AED",
    "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "somoni": "TJS", "tenge": "KZT",
    "manat": "AZN", "lari": "GEL", "dram": "AMD", "hryvnia": "UAH", "zloty": "PLN",
    "forint": "HUF", "koruna": "CZK", "naira": "NGN", "cedi": "GHS", "shilling": "KES",
    "shillings": "KES", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "dong": "VND",
    "taka": "BDT", "dinar": "DINAR", "dinars": "DINAR", "cents": "CENT", "cent": "CENT",
    "pence": "PENCE", "p": "PENCE",
}
# Adjectives that change which dollar/pound/franc is meant.
DOLLAR_ADJECTIVES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
    "swiss": "CHF", "british": "GBP", "egyptian": "EGP", "indian": "INR", "pakistani": "PKR",
}

# --------------------------------------------------------------------------- units

# surface -> (symbol, dimension, factor to the dimension's base unit)
_UNIT_TABLE: list[tuple[tuple[str, ...], str, str, float]] = [
    (("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "km", "length", 1000.0),
    (("m", "metre", "metres", "meter", "meters"), "m", "length", 1.0),
    (("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "cm", "length", 0.01),
    (("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "mm", "length", 0.001),
    (("mi", "mile", "miles"), "mi", "length", 1609.344),
    (("nautical mile", "nautical miles", "nmi"), "nmi", "length", 1852.0),
    (("ft", "foot", "feet"), "ft", "length", 0.3048),
    (("in", "inch", "inches"), "in", "length", 0.0254),
    (("yd", "yard", "yards"), "yd", "length", 0.9144),
    (("km²", "km2", "sq km", "sq. km", "square kilometre", "square kilometres", "square kilometer",
      "square kilometers"), "km²", "area", 1e6),
    (("m²", "m2", "sq m", "sq. m", "square metre", "square metres", "square meter", "square meters"),
     "m²", "area", 1.0),
    (("ha", "hectare", "hectares"), "ha", "area", 1e4),
    (("acre", "acres"), "acre", "area", 4046.8564224),
    (("sq ft", "sq. ft", "sq. ft.", "ft²", "square foot", "square feet"), "ft²", "area", 0.09290304),
    (("sq mi", "square mile", "square miles", "mi²"), "mi²", "area", 2589988.110336),
    (("m³", "m3", "cubic metre", "cubic metres", "cubic meter", "cubic meters"), "m³", "volume", 1.0),
    (("l", "L", "litre", "litres", "liter", "liters"), "l", "volume", 0.001),
    (("ml", "mL", "millilitre", "millilitres", "milliliter", "milliliters"), "ml", "volume", 1e-6),
    (("kilolitre", "kilolitres", "kiloliter", "kiloliters"), "kl", "volume", 1.0),
    (("megalitre", "megalitres", "megaliter", "megaliters"), "Ml", "volume", 1e3),
    (("gigalitre", "gigalitres", "gigaliter", "gigaliters"), "Gl", "volume", 1e6),
    (("gallon", "gallons", "gal"), "gal", "volume", 0.003785411784),
    (("barrel", "barrels", "bbl"), "bbl", "volume", 0.158987294928),
    (("kbbl",), "kbbl", "volume", 158.987294928),
    # oil-industry rates: barrels (thousands of barrels) a day
    (("bpd", "b/d", "bopd"), "bbl/d", "volume", 0.158987294928),
    (("kb/d", "kbpd", "kbd", "kbbl/d"), "kbbl/d", "volume", 158.987294928),
    (("cubic feet", "cubic foot", "ft³"), "ft³", "volume", 0.028316846592),
    (("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"), "kg", "mass", 1.0),
    (("g", "gram", "grams", "gramme", "grammes"), "g", "mass", 0.001),
    (("mg", "milligram", "milligrams"), "mg", "mass", 1e-6),
    (("t", "tonne", "tonnes", "metric ton", "metric tons", "ton", "tons"), "t", "mass", 1000.0),
    (("kt", "kilotonne", "kilotonnes"), "kt", "mass", 1e6),
    (("Mt", "megatonne", "megatonnes", "million tonnes"), "Mt", "mass", 1e9),
    (("lb", "lbs", "pound", "pounds"), "lb", "mass", 0.45359237),
    (("oz", "ounce", "ounces"), "oz", "mass", 0.028349523125),
    (("W", "watt", "watts"), "W", "power", 1.0),
    (("kW", "kilowatt", "kilowatts"), "kW", "power", 1e3),
    (("MW", "megawatt", "megawatts"), "MW", "power", 1e6),
    (("GW", "gigawatt", "gigawatts"), "GW", "power", 1e9),
    (("TW", "terawatt", "terawatts"), "TW", "power", 1e12),
    (("hp", "horsepower"), "hp", "power", 745.7),
    (("kWh", "kilowatt-hour", "kilowatt-hours", "kilowatt hours"), "kWh", "energy", 3.6e6),
    (("MWh", "megawatt-hour", "megawatt-hours", "megawatt hours"), "MWh", "energy", 3.6e9),
    (("GWh", "gigawatt-hour", "gigawatt-hours", "gigawatt hours"), "GWh", "energy", 3.6e12),
    (("TWh", "terawatt-hour", "terawatt-hours", "terawatt hours"), "TWh", "energy", 3.6e15),
    (("V", "volt", "volts"), "V", "voltage", 1.0),
    (("kV", "kilovolt", "kilovolts"), "kV", "voltage", 1e3),
    (("km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour"), "km/h", "speed", 1 / 3.6),
    (("mph", "miles per hour"), "mph", "speed", 0.44704),
    (("m/s", "metres per second", "meters per second"), "m/s", "speed", 1.0),
    (("knot", "knots", "kn"), "kn", "speed", 0.514444),
    (("°C", "ºC", "° C", "degrees Celsius", "degree Celsius", "degrees celsius", "degrees C",
      "Celsius", "celsius", "centigrade", "degrees centigrade", "C"), "°C", "temperature", 1.0),
    (("°F", "ºF", "° F", "degrees Fahrenheit", "degree Fahrenheit", "degrees fahrenheit",
      "degrees F", "Fahrenheit", "fahrenheit", "F"), "°F", "temperature", 1.0),
    (("K", "kelvin", "kelvins"), "K", "temperature", 1.0),
    (("°", "º", "degree", "degrees"), "°", "angle", 1.0),
    (("B", "byte", "bytes"), "B", "data", 1.0),
    (("KB", "kB", "kilobyte", "kilobytes"), "KB", "data", 1e3),
    (("MB", "megabyte", "megabytes"), "MB", "data", 1e6),
    (("GB", "gigabyte", "gigabytes"), "GB", "data", 1e9),
    (("TB", "terabyte", "terabytes"), "TB", "data", 1e12),
    (("PB", "petabyte", "petabytes"), "PB", "data", 1e15),
    (("kbps", "kbit/s"), "kbit/s", "bitrate", 1e3),
    (("Mbps", "Mbit/s", "Mb/s"), "Mbit/s", "bitrate", 1e6),
    (("Gbps", "Gbit/s", "Gb/s"), "Gbit/s", "bitrate", 1e9),
    (("Hz", "hertz"), "Hz", "frequency", 1.0),
    (("kHz", "kilohertz"), "kHz", "frequency", 1e3),
    (("MHz", "megahertz"), "MHz", "frequency", 1e6),
    (("GHz", "gigahertz"), "GHz", "frequency", 1e9),
    (("TEU", "TEUs", "teu", "twenty-foot equivalent units"), "TEU", "containers", 1.0),
    (("cal", "calorie", "calories"), "cal", "energy_food", 1.0),
    (("kcal", "kilocalorie", "kilocalories"), "kcal", "energy_food", 1e3),
    (("ppm",), "ppm", "ratio", 1.0),
    (("dB", "decibel", "decibels"), "dB", "level", 1.0),
    (("rpm",), "rpm", "rotation", 1.0),
    (("ms", "millisecond", "milliseconds"), "ms", "time", 0.001),
    (("s", "sec", "secs", "second", "seconds"), "s", "time", 1.0),
    (("min", "mins", "minute", "minutes"), "min", "time", 60.0),
    (("h", "hr", "hrs", "hour", "hours"), "h", "time", 3600.0),
    (("day", "days"), "d", "time", 86400.0),
    (("week", "weeks", "wk", "wks"), "wk", "time", 604800.0),
    (("month", "months", "mo", "mos"), "mo", "time", 2629746.0),
    (("year", "years", "yr", "yrs"), "yr", "time", 31556952.0),
    (("decade", "decades"), "decade", "time", 315569520.0),
    (("century", "centuries"), "century", "time", 3155695200.0),
    (("bps", "basis point", "basis points"), "bp", "ratio_points", 1.0),
    (("percentage point", "percentage points", "pp", "p.p.", "points"), "pp", "ratio_points", 1.0),
]
UNITS: dict[str, tuple[str, str, float]] = {}
for _surfaces, _symbol, _dimension, _factor in _UNIT_TABLE:
    for _surface in _surfaces:
        UNITS[_surface] = (_symbol, _dimension, _factor)

# Units that are ordinary English words or letters when they stand alone after a number:
# they only count when glued to the number ("5m", "10s") or clearly a unit ("in" never).
AMBIGUOUS_UNITS = frozenset({
    "m", "in", "l", "L", "t", "g", "s", "h", "K", "B", "W", "V", "mo", "kn", "points",
    "p", "min", "sec", "b", "mi",
    # a bare letter scale ("40.2 C (104.4 F)", "41.2C") is a temperature only where one is spoken of
    "C", "F",
})
# Single-letter units trusted when written with a space ("22 m", "7,480 t") only in a
# sentence that looks technical; otherwise a lone letter is an identifier ("Group A").
SPACED_LETTER_UNITS = frozenset({"m", "t", "g", "l", "L", "W", "V", "K", "h", "s"})

# Time units make a duration: kept as kind "quantity".
TIME_UNIT_SYMBOLS = frozenset({"ms", "s", "min", "h", "d", "wk", "mo", "yr", "decade", "century"})

# --------------------------------------------------------------------------- qualifiers

# Qualifier phrases before a number -> (normalized word, interval rule).
# Rules: "above" open above (low bound), "below" open below (high bound), "approx" a
# tolerance both ways, "near" a tolerance below only, "exact" no widening.
QUALIFIERS_BEFORE: dict[str, tuple[str, str]] = {
    "more than": ("more than", "above"), "over": ("over", "above"), "above": ("above", "above"),
    "exceeding": ("exceeding", "above"), "exceeded": ("exceeding", "above"),
    "exceeds": ("exceeding", "above"), "exceed": ("exceeding", "above"),
    "surpassing": ("exceeding", "above"), "surpassed": ("exceeding", "above"),
    "surpasses": ("exceeding", "above"), "surpass": ("exceeding", "above"), "in excess of": ("in excess of", "above"),
    "upwards of": ("upwards of", "above"), "upward of": ("upwards of", "above"),
    "at least": ("at least", "above"), "no less than": ("no less than", "above"),
    "not less than": ("no less than", "above"), "no fewer than": ("no less than", "above"),
    "a minimum of": ("at least", "above"), "well over": ("over", "above"),
    "just over": ("over", "above"), "well above": ("above", "above"),
    "just above": ("above", "above"), "greater than": ("more than", "above"),
    "higher than": ("more than", "above"), "larger than": ("more than", "above"),
    "bigger than": ("more than", "above"), "beyond": ("over", "above"),
    "up to": ("up to", "below"), "at most": ("at most", "below"),
    "no more than": ("at most", "below"), "not more than": ("at most", "below"),
    "not exceeding": ("at most", "below"), "not to exceed": ("at most", "below"),
    "not exceed": ("at most", "below"), "cannot exceed": ("at most", "below"),
    "not in excess of": ("at most", "below"), "not above": ("at most", "below"),
    "not over": ("at most", "below"), "not below": ("at least", "above"),
    "not under": ("at least", "above"),
    "a maximum of": ("at most", "below"), "less than": ("less than", "below"),
    "fewer than": ("less than", "below"), "under": ("under", "below"),
    "just under": ("under", "below"), "below": ("below", "below"),
    "just below": ("below", "below"), "lower than": ("less than", "below"),
    "smaller than": ("less than", "below"), "within": ("within", "below"),
    "as many as": ("as many as", "near"), "as much as": ("as much as", "near"),
    "nearly": ("nearly", "near"), "almost": ("almost", "near"), "close to": ("close to", "near"),
    "approaching": ("nearly", "near"), "not quite": ("nearly", "near"),
    "approximately": ("approximately", "approx"), "approx.": ("approximately", "approx"),
    "approx": ("approximately", "approx"), "about": ("about", "approx"),
    "around": ("around", "approx"), "roughly": ("roughly", "approx"), "some": ("some", "approx"),
    "circa": ("circa", "approx"), "c.": ("circa", "approx"), "ca.": ("circa", "approx"),
    "an estimated": ("an estimated", "approx"), "estimated": ("estimated", "approx"),
    "an approximate": ("approximately", "approx"), "~": ("approximately", "approx"),
    "≈": ("approximately", "approx"), "an average of": ("on average", "approx"),
    "on average": ("on average", "approx"), "in the region of": ("about", "approx"),
    "of the order of": ("about", "approx"), "on the order of": ("about", "approx"),
    "greater than or equal to": ("at least", "above"), "more than or equal to": ("at least", "above"),
    "bigger or equal than": ("at least", "above"), "bigger than or equal to": ("at least", "above"),
    "higher or equal than": ("at least", "above"), "larger or equal to": ("at least", "above"),
    "larger than or equal to": ("at least", "above"), "greater or equal to": ("at least", "above"),
    "equal to or greater than": ("at least", "above"), "equal to or more than": ("at least", "above"),
    "less than or equal to": ("at most", "below"), "smaller or equal than": ("at most", "below"),
    "smaller than or equal to": ("at most", "below"), "lower or equal than": ("at most", "below"),
    "less or equal than": ("at most", "below"), "less or equal to": ("at most", "below"),
    "equal to or less than": ("at most", "below"), "fewer than or equal to": ("at most", "below"),
    ">=": ("at least", "above"), "=>": ("at least", "above"), "≥": ("at least", "above"),
    "> =": ("at least", "above"), "<=": ("at most", "below"), "=<": ("at most", "below"),
    "≤": ("at most", "below"), "< =": ("at most", "below"), ">": ("more than", "above"),
    "<": ("less than", "below"),
    "exactly": ("exactly", "exact"), "precisely": ("exactly", "exact"),
    "just": ("just", "exact"), "only": ("only", "exact"), "a total of": ("a total of", "exact"),
    "all": ("all", "exact"), "a further": ("a further", "exact"),
    "another": ("another", "exact"), "an additional": ("an additional", "exact"),
}
# Compiled as one alternation, longest first, matched at the end of the text before a number.
QUALIFIER_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(\"'“‘\[—–-]))(?P<q>"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+")
               for q in sorted(QUALIFIERS_BEFORE, key=len, reverse=True))
    + r")\s*\Z",
    re.IGNORECASE,
)
QUALIFIER_AFTER_RE = re.compile(
    r"^(?P<q>\s*\+(?![\d])|\s+or\s+more\b|\s+and\s+more\b|\s+or\s+greater\b|\s+or\s+above\b|\s+or\s+below\b|\s+or\s+so\b|\s+and\s+above\b|\s+and\s+over\b"
    r"|\s+or\s+higher\b|\s+or\s+less\b|\s+or\s+fewer\b|[-‑]plus\b|\s+plus\b(?!\s+\d))",
    re.IGNORECASE,
)
QUALIFIER_AFTER = {
    "+": ("more than", "above"), "or more": ("or more", "above"), "and more": ("or more", "above"),
    "or greater": ("or more", "above"), "or above": ("or more", "above"), "or below": ("or less", "below"), "or so": ("or so", "approx"),
    "and above": ("or more", "above"), "and over": ("or more", "above"),
    "or higher": ("or more", "above"), "or less": ("or less", "below"),
    "or fewer": ("or less", "below"), "plus": ("more than", "above"),
}

# Relative tolerance of an approximate value, and of "nearly"/"almost" (below only).
APPROX_TOLERANCE = 0.05
NEAR_TOLERANCE = 0.05

# --------------------------------------------------------------------------- identifiers

# A number right after one of these words names something ("Line 3", "No. 14",
# "Resolution 77/158", "Article 5"): it is not a claim.
IDENTIFIER_LABELS = frozenset("""
no no. nos nos. nr nr. number # line lines route routes platform platforms gate gates terminal
terminals berth berths pier piers hall halls room rooms suite floor level levels block blocks row
rows seat unit units apartment apt apt. flat building bldg lot plot section sections sec sec. §
article articles art art. chapter chapters chap annex annexes appendix appendices clause
clauses paragraph paragraphs para para. table tables fig fig. figure figures exhibit page pages p
p. pp pp. vol vol. volume volumes issue issues edition no.: resolution resolutions decree decrees
law laws act bill bills order orders regulation regulations directive standard iso en item items
step steps stage phase phases part parts group groups pool pools box boxes form forms ref ref.
reference case cases file docket account acct model models version v v. rev rev. revision release build slide slides pit pits screen screens hall
flight flights train trains bus buses tram trams highway road roads street avenue ave motorway
interstate i- a- district ward zone zones region sector sectors grade grades class classes
year-group match matches game games round rounds lap laps hole holes race races episode episodes
season-episode ticket tickets code codes id pin sample samples lane lanes channel channels
exit exits junction station stations stop stops track tracks shirt jersey squad player number:
cup expo olympics vision pillar pillars objective objectives goal goals target targets priority priorities session sessions
abstract abstracts grant-no lab labs laboratory ward wards bed beds cell cells
""".split())

# Labels that always make the next number an identifier, whatever follows it.
STRONG_IDENTIFIER_LABELS = frozenset("""
no no. nos nos. nr nr. nrs nrs. # № § art art. article articles sec sec. section sections chapter
chapters chap annex annexes appendix appendices table tables fig fig. figure figures exhibit page
pages p p. pp pp. resolution resolutions decree decrees paragraph paragraphs para para. clause
clauses item items version v v. rev rev. revision model models slide slides footnote note notes
""".split())

# Words that introduce a label even with a capital letter ("Health Center No. 14").
ID_ABBREVIATIONS_RE = re.compile(r"(?:\bNo|\bNos|\bNr|#|№)\.?\s*$")

# Words after a number that mark it as part of a name ("Line 3 Extension"): not used as
# units; the scanner relies on IDENTIFIER_LABELS before the number instead.

# Nouns that, right after a four-digit number in the year range, make it a count.
COUNT_NOUNS_AFTER_YEARLIKE = frozenset("""
people persons residents inhabitants households families children students pupils teachers
workers employees staff jobs members participants visitors tourists patients doctors nurses
soldiers troops police officers volunteers refugees migrants trainees specialists experts
delegates voters votes seats homes houses buildings schools hospitals clinics beds projects
units cases deaths tickets copies cars vehicles trucks buses trains aircraft planes ships boats
kilometres km metres meters miles tonnes tons hectares acres items pieces species trees animals
cattle sheep signatures applications complaints attendees fans spectators viewers users
customers subscribers companies firms businesses farms villages towns cities rooms flats
apartments dwellings places positions posts graduates scholarships grants loans machines
devices sensors turbines panels wells pumps containers words pages books titles films
""".split())


# Regex alternations of number words, for the patterns that read numbers spelled out.
DIGIT_WORDS_PATTERN = "one|two|three|four|five|six|seven|eight|nine"
TEEN_WORDS_PATTERN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
TENS_WORDS_PATTERN = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
