#!/usr/bin/env python3
"""A deterministic corpus of news-style documents with restated facts, planted conflicts and traps.

Usage:
    python tests/benchmarks/generate.py OUT --docs 1000 [--seed 7] [--words 500]

Writes ``OUT/docs/*.txt``, ``OUT/names.json`` (the invented names) and ``OUT/gold.json`` in the format of the shared ``score.py``:
``discrepancies`` (each with ``sides``: every mention of each value, across all documents),
``traps`` (claims that must not be flagged against each other: the same measure at two
stated reference years, a budget beside the final cost) and empty ``optional``/``derived``.

The world: invented subjects (bridges, festivals, companies, hospitals, towns), each with a
fact sheet.  A subject gets about eight documents (wire stories, press releases, features,
briefs), each restating some of its facts in varied wording and number formats ("$38.5
million", "US$38.5 million", "38.5 million dollars"; "1,284,517" and "1.28 million").  In
about one fact in six, one document states a wrong value (transposed digits, a year off,
another day): that is a planted conflict, sometimes inside a document that also states the
right value.  The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DOCS_PER_SUBJECT = 8
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SHORT_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
SPELLED = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
           10: "ten", 11: "eleven", 12: "twelve", 14: "fourteen", 15: "fifteen", 16: "sixteen", 18: "eighteen",
           20: "twenty"}

# ---------------------------------------------------------------- names

_ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t",
           "tr", "v", "w", "z", "th", "sh", "ch"]
_VOWELS = ["a", "e", "i", "o", "u", "ae", "ea", "io", "y"]
_CODAS = ["", "n", "r", "l", "s", "th", "m", "rd", "nd", "x", "ck", "ll", "sk"]
_TOWN_ENDS = ["ford", "by", "ton", "wick", "mere", "haven", "stad", "dale", "port", "holm", "field", "bridge",
              "minster", "vale", "ness", "worth", "ley", "burg", "mouth", "gate"]
_GIVEN = ["Ana", "Tomas", "Halina", "Goran", "Marta", "Jonas", "Irena", "Pavel", "Lena", "Oskar", "Nadia", "Viktor",
          "Elise", "Bruno", "Katya", "Felix", "Sofia", "Anton", "Mira", "Lukas", "Petra", "Emil", "Dana", "Ivo"]
_AGENCIES = ["CNA", "Wire", "NewsNet", "Pressline", "Meridian News", "The Courier", "Daily Ledger"]
_OUTLETS = ["Herald", "Observer", "Gazette", "Chronicle", "Tribune", "Post", "Sentinel", "Examiner"]


class Names:
    """Invented, unique proper names from syllables."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.surnames: set[str] = set()

    def word(self, syllables: int | None = None) -> str:
        rng = self.rng
        n = syllables or rng.choice([2, 2, 2, 3])
        text = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(n)) + rng.choice(_CODAS)
        return text.capitalize()

    def unique(self, make: Callable[[], str]) -> str:
        for _ in range(1000):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError("ran out of names")

    def town(self) -> str:
        return self.unique(lambda: self.word(self.rng.choice([1, 2])) + self.rng.choice(_TOWN_ENDS))

    def person(self) -> str:
        surname = self.word()
        self.surnames.add(surname)
        return f"{self.rng.choice(_GIVEN)} {surname}"

    def invented(self) -> list[str]:
        """Every invented word used (to rename subjects when claims are replicated)."""
        return sorted(self.used | self.surnames)


# ---------------------------------------------------------------- values and their surfaces


@dataclass(frozen=True)
class Value:
    """One value of a fact: what is true (or planted), and how to write it."""

    kind: str
    number: float | int | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    currency: str | None = None
    unit: str | None = None


def write_value(value: Value, rng: random.Random) -> str:
    """A surface form of ``value``, in one of several styles (all mean the same value)."""
    if value.kind == "year":
        return str(value.year)
    if value.kind == "date":
        style = rng.random()
        if style < 0.45:
            return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
        if style < 0.85:
            return f"{MONTHS[value.month - 1]} {value.day}, {value.year}"
        if style < 0.95:
            return f"{SHORT_MONTHS[value.month - 1]} {value.day}, {value.year}"
        return f"{value.year}-{value.month:02d}-{value.day:02d}"
    if value.kind == "money" and value.number < 1000:
        price = f"{value.number:.2f}" if value.number % 1 else f"{int(value.number)}"
        if value.currency == "USD":
            return f"${price}" if rng.random() < 0.7 else f"{price} dollars"
        return f"€{price}" if rng.random() < 0.5 else f"{price} euros"
    if value.kind == "money":
        millions = value.number / 1e6
        text = f"{millions:.1f}".rstrip("0").rstrip(".") if millions < 1000 else None
        if text is None:
            billions = f"{value.number / 1e9:.2f}".rstrip("0").rstrip(".")
            return {"USD": f"${billions} billion", "EUR": f"€{billions} billion"}[value.currency]
        style = rng.random()
        if value.currency == "USD":
            return (f"${text} million" if style < 0.6 else f"US${text} million" if style < 0.8
                    else f"{text} million dollars")
        return (f"€{text} million" if style < 0.6 else f"{text} million euros" if style < 0.85
                else f"EUR {text} million")
    if value.kind == "count":
        n = int(value.number)
        if n in SPELLED and rng.random() < 0.5:
            return SPELLED[n]
        if n >= 1_000_000 and rng.random() < 0.35:
            return f"{n / 1e6:.2f} million"
        return f"{n:,}"
    if value.kind == "percent":
        text = f"{value.number:.1f}"
        style = rng.random()
        return f"{text} percent" if style < 0.4 else f"{text}%" if style < 0.75 else f"{text} per cent"
    if value.kind == "quantity":
        number = value.number
        text = f"{number:,}" if isinstance(number, int) else f"{number:.1f}"
        if value.unit == "km":
            return f"{text} km" if rng.random() < 0.6 else f"{text} kilometres"
        if value.unit == "ha":
            return f"{text} hectares"
        if value.unit == "km2":
            return f"{text} km²" if rng.random() < 0.6 else f"{text} square kilometres"
        if value.unit == "m2":
            return f"{text} square metres"
        if value.unit == "m":
            return f"{text} metres" if rng.random() < 0.7 else f"{text} m"
        if value.unit == "t":
            return f"{text} tonnes"
    raise ValueError(value)


def _transpose(digits: str, rng: random.Random) -> str | None:
    spots = [i for i in range(len(digits) - 1) if digits[i] != digits[i + 1]]
    if not spots:
        return None
    i = rng.choice(spots)
    return digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]


def wrong_value(true: Value, rng: random.Random) -> Value:
    """A value that cannot be true at the same time as ``true`` (a typo, a slip of a year)."""
    if true.kind == "year":
        return Value("year", year=true.year + rng.choice([-3, -2, -1, 1, 2, 3]))
    if true.kind == "date":
        day = true.day + rng.choice([-2, -1, 1, 2]) if true.day > 3 else true.day + 2
        return Value("date", year=true.year, month=true.month, day=min(day, 28))
    number = true.number
    if true.kind == "money" and number < 1000:
        return Value("money", number=round(number * rng.choice([0.75, 1.25, 1.5])), currency=true.currency)
    if true.kind == "money":
        tenths = str(int(round(number / 1e5)))
        swapped = _transpose(tenths, rng)
        candidate = int(swapped) * 100_000 if swapped else None
        if candidate is None or abs(candidate - number) / number < 0.03:
            candidate = int(round(number * rng.choice([0.85, 1.15]) / 1e5)) * 100_000
        return Value("money", number=candidate, currency=true.currency)
    if true.kind == "count":
        n = int(number)
        if n < 30:
            return Value("count", number=n + rng.choice([-2, -1, 1, 2]))
        swapped = _transpose(str(n), rng)
        candidate = int(swapped) if swapped and not swapped.startswith("0") else None
        if candidate is None or abs(candidate - n) / n < 0.03:
            candidate = int(n * rng.choice([0.8, 1.2]))
        return Value("count", number=candidate)
    if true.kind == "percent":
        shift = rng.choice([-1, 1]) * rng.choice([1.6, 2.3, 3.1, 4.4])
        return Value("percent", number=round(max(0.5, number + shift), 1))
    if true.kind == "quantity":
        if isinstance(number, int):
            swapped = _transpose(str(number), rng)
            candidate = int(swapped) if swapped and not swapped.startswith("0") else int(number * 1.2)
            if abs(candidate - number) / number < 0.03:
                candidate = int(number * 1.2)
            return Value("quantity", number=candidate, unit=true.unit)
        return Value("quantity", number=round(number + rng.choice([-1, 1]) * max(0.4, number * 0.2), 1),
                     unit=true.unit)
    raise ValueError(true)


# ---------------------------------------------------------------- fact sheets

#: Per domain: fact name -> (value maker, sentence templates).  ``{E}`` is the subject
#: (capitalized at a sentence start), ``{e}`` the subject mid-sentence, ``{T}`` its town,
#: ``{V}`` the value, ``{Y}`` a reference year where the fact needs one.
Maker = Callable[[random.Random, int], Value]


def _year(rng: random.Random, base: int) -> Value:
    return Value("year", year=base - rng.randint(3, 40))


def _date(rng: random.Random, base: int) -> Value:
    return Value("date", year=base - rng.randint(0, 2), month=rng.randint(1, 12), day=rng.randint(1, 28))


def _money(low: float, high: float, currency: str | None = None) -> Maker:
    def make(rng: random.Random, base: int) -> Value:
        number = int(round(math.exp(rng.uniform(math.log(low), math.log(high))) / 1e5)) * 100_000
        return Value("money", number=number, currency=currency or rng.choice(["USD", "EUR"]))
    return make


def _price(low: int, high: int) -> Maker:
    def make(rng: random.Random, base: int) -> Value:
        return Value("money", number=rng.randint(low, high), currency=rng.choice(["USD", "EUR"]))
    return make


def _count(low: int, high: int) -> Maker:
    def make(rng: random.Random, base: int) -> Value:
        return Value("count", number=int(math.exp(rng.uniform(math.log(low), math.log(high)))))
    return make


def _percent(low: float, high: float) -> Maker:
    def make(rng: random.Random, base: int) -> Value:
        return Value("percent", number=round(rng.uniform(low, high), 1))
    return make


def _quantity(unit: str, low: float, high: float, integer: bool = False) -> Maker:
    def make(rng: random.Random, base: int) -> Value:
        number = rng.uniform(low, high)
        return Value("quantity", number=int(number) if integer else round(number, 1), unit=unit)
    return make


DOMAINS: dict[str, dict] = {
    "bridge": {
        "subject": ["the {N} Bridge", "the {N} Tunnel", "the {N} Viaduct"],
        "facts": {
            "opened": (_year, ["{E} opened to traffic in {V}.", "{E}, which opened in {V}, is the main link to {T}.",
                               "Since it opened in {V}, {e} has carried most of the traffic into {T}.",
                               "Work on {e} was completed in {V}, after years of delays."]),
            "cost": (_money(20e6, 900e6), ["{E} cost {V} to build.", "It was built at a cost of {V}.",
                                           "The {V} crossing was paid for largely by the regional government.",
                                           "Construction of {e}, which cost {V}, was funded by a toll."]),
            "length": (_quantity("km", 0.4, 12.0), ["{E} is {V} long.", "The crossing spans {V} in total.",
                                                    "At {V}, {e} is the longest structure of its kind in the region."]),
            "traffic": (_count(4000, 90000), ["{E} carries {V} vehicles a day.",
                                              "On an average day {V} vehicles cross {e}.",
                                              "Traffic counts show {V} vehicles using {e} every day."]),
            "workers": (_count(150, 3000), ["At the peak of construction, {V} workers were employed on the site.",
                                            "The project employed {V} construction workers."]),
            "freight": (_percent(8, 45), ["Lorries account for {V} of the vehicles on {e}.",
                                          "Freight makes up {V} of the traffic, the operator says."]),
            "ceremony": (_date, ["{E} was formally inaugurated on {V}.",
                                 "The inauguration ceremony took place on {V}."]),
            "lanes": (_count(2, 8), ["{E} has {V} lanes.", "The deck carries {V} lanes of traffic."]),
            "height": (_quantity("m", 20, 240, integer=True), ["Its towers rise {V} above the water.",
                                                               "The main towers of {e} are {V} tall."]),
            "steel": (_quantity("t", 2000, 90000, integer=True), ["The builders used {V} of steel.",
                                                                  "{E} contains {V} of steel."]),
        },
        "series": ("traffic", ["In {Y}, {V} vehicles a day used {e}.", "{E} carried {V} vehicles a day in {Y}."]),
        "budget": ("cost", ["The original budget for {e} was {V}.", "Planners had budgeted {V} for the work."]),
    },
    "festival": {
        "subject": ["the {N} Festival", "the {N} Arts Festival", "the {N} Music Festival"],
        "facts": {
            "founded": (_year, ["{E} was first held in {V}.", "{E}, founded in {V}, has grown every year.",
                                "Since its first edition in {V}, {e} has drawn visitors to {T}."]),
            "visitors": (_count(8000, 400000), ["This year's edition drew {V} visitors.",
                                                "Organisers counted {V} visitors over the festival days.",
                                                "{E} attracted {V} visitors, organisers said."]),
            "budget": (_money(0.5e6, 40e6), ["{E} runs on a budget of {V}.", "The festival's budget is {V}.",
                                             "Organisers have a budget of {V} for the event."]),
            "foreign": (_percent(5, 40), ["Visitors from abroad made up {V} of the audience.",
                                          "{V} of ticket buyers came from outside the country."]),
            "performers": (_count(40, 1500), ["{V} performers took part this year.",
                                              "The programme featured {V} performers on its stages."]),
            "opening": (_date, ["This year's edition opened on {V}.", "{E} opened its gates on {V}."]),
            "area": (_quantity("ha", 3, 120), ["The festival grounds cover {V}.",
                                               "The site in {T} covers {V} of parkland."]),
            "stages": (_count(3, 20), ["Performances took place on {V} stages.", "{E} had {V} stages this year."]),
            "ticket": (_price(25, 180), ["A day ticket costs {V}.", "Day tickets were sold for {V}."]),
            "volunteers": (_count(100, 4000), ["{V} volunteers helped to run {e}.",
                                               "The festival relied on {V} volunteers."]),
        },
        "series": ("visitors", ["In {Y}, {e} drew {V} visitors.", "{V} people visited {e} in {Y}."]),
        "budget": ("budget", ["The city's grant to {e} was {V}.", "The city contributed {V} to the festival."]),
    },
    "company": {
        "subject": ["{N} Holdings", "{N} Industries", "{N} Logistics", "{N} Foods"],
        "facts": {
            "founded": (_year, ["{E} was founded in {V}.", "{E}, established in {V}, is based in {T}.",
                                "The company has been in business since {V}."]),
            "revenue": (_money(30e6, 4000e6), ["{E} reported revenue of {V} for the year.",
                                               "Annual revenue reached {V}, the company said.",
                                               "The group's revenue came to {V}."]),
            "employees": (_count(120, 40000), ["{E} employs {V} people.", "The company has {V} employees.",
                                               "Its workforce numbers {V} employees."]),
            "share": (_percent(3, 38), ["{E} holds {V} of its home market.",
                                        "Its market share stands at {V}."]),
            "stores": (_count(12, 900), ["It operates {V} stores.", "{E} runs {V} stores across the country."]),
            "deal": (_date, ["The merger was completed on {V}.", "{E} closed the acquisition on {V}."]),
            "plant": (_quantity("m2", 5000, 200000, integer=True), ["Its main plant covers {V}.",
                                                                    "The new warehouse in {T} covers {V}."]),
            "profit": (_money(2e6, 400e6), ["{E} made a net profit of {V}.", "Net profit came to {V}."]),
            "countries": (_count(3, 60), ["{E} sells its products in {V} countries.",
                                          "The group is present in {V} countries."]),
            "trucks": (_count(40, 3000), ["Its fleet numbers {V} trucks.", "{E} operates {V} delivery trucks."]),
        },
        "series": ("employees", ["At the end of {Y}, {e} employed {V} people.", "{E} had {V} employees in {Y}."]),
        "budget": ("revenue", ["Analysts had forecast revenue of {V}.", "The consensus forecast was {V}."]),
    },
    "hospital": {
        "subject": ["the {N} General Hospital", "the {N} Medical Centre", "the {N} Children's Hospital"],
        "facts": {
            "opened": (_year, ["{E} opened in {V}.", "{E}, which opened in {V}, serves the whole of {T}.",
                               "The hospital has treated patients since {V}."]),
            "beds": (_count(60, 1800), ["{E} has {V} beds.", "The hospital has {V} beds in total.",
                                        "With {V} beds, {e} is the largest hospital in {T}."]),
            "cost": (_money(15e6, 1500e6), ["{E} cost {V} to build.", "The hospital was built for {V}."]),
            "staff": (_count(200, 9000), ["{E} employs {V} staff.", "Some {V} staff work at the hospital.",
                                          "The hospital's staff numbers {V}."]),
            "occupancy": (_percent(55, 98), ["Bed occupancy stood at {V} last year.",
                                             "Its beds were {V} occupied on average."]),
            "wing": (_date, ["The new surgical wing opened on {V}.", "The surgical wing was opened on {V}."]),
            "site": (_quantity("ha", 2, 40), ["The hospital campus covers {V}.", "Its campus covers {V}."]),
            "operations": (_count(2000, 60000), ["Surgeons at {e} performed {V} operations last year.",
                                                 "{V} operations were carried out at the hospital last year."]),
            "ambulances": (_count(6, 120), ["{E} runs {V} ambulances.", "Its fleet has {V} ambulances."]),
            "doctors": (_count(40, 2500), ["{V} doctors work at {e}.", "The hospital employs {V} doctors."]),
        },
        "series": ("staff", ["In {Y}, {e} employed {V} staff.", "{E} had {V} staff in {Y}."]),
        "budget": ("cost", ["The hospital's initial budget was {V}.", "Planners budgeted {V} for the hospital."]),
    },
    "town": {
        "subject": ["{T}"],
        "facts": {
            "population": (_count(12000, 2500000), ["{E} has a population of {V}.",
                                                    "{V} people live in {e}, according to the census.",
                                                    "The census counted {V} residents in {e}."]),
            "charter": (_year, ["{E} received its town charter in {V}.", "{E}, chartered in {V}, is a market town.",
                                "The town has held its charter since {V}."]),
            "area": (_quantity("km2", 20, 3000), ["{E} covers {V}.", "The municipality covers {V}."]),
            "unemployment": (_percent(2, 18), ["Unemployment in {e} stands at {V}.",
                                               "The jobless rate in {e} is {V}."]),
            "households": (_count(5000, 900000), ["{E} has {V} households.", "The census found {V} households."]),
            "budget": (_money(10e6, 3000e6), ["The town's annual budget is {V}.",
                                              "{E} has an annual budget of {V}."]),
            "census": (_date, ["The census was taken on {V}.", "Census night was {V}."]),
            "schools": (_count(4, 400), ["{E} has {V} schools.", "There are {V} schools in {e}."]),
            "buses": (_count(10, 1500), ["The municipal fleet has {V} buses.", "{E} runs {V} city buses."]),
            "roads": (_quantity("km", 40, 4000), ["The town maintains {V} of roads.",
                                                  "Its road network is {V} long."]),
        },
        "series": ("population", ["In {Y}, {e} had {V} residents.", "The population of {e} was {V} in {Y}."]),
        "budget": ("budget", ["The budget proposed by the council was {V}.", "The mayor had proposed {V}."]),
    },
}

# ---------------------------------------------------------------- filler

_FILLER_SUBJECTS = [
    "Officials in {T}", "{P}, a spokesperson,", "The regional council", "Local business owners", "Residents",
    "Critics", "The opposition", "Environmental groups", "Union representatives", "Analysts", "The ministry",
    "Several neighbouring towns", "Independent experts", "The mayor of {T}", "{P}", "Community leaders",
    "The auditors", "Supporters of the plan", "Shopkeepers in the old town", "A group of local teachers",
]
_FILLER_PREDICATES = [
    "said the figures would be reviewed again later this year", "welcomed the announcement",
    "raised concerns about parking and congestion", "called for an independent audit of the accounts",
    "said further details would be released once the review was complete", "declined to comment",
    "described the outcome as encouraging", "questioned whether the plans went far enough",
    "said they had not been consulted on the changes", "broadly agreed with the official assessment",
    "said the decision followed a lengthy public consultation", "promised to monitor the situation closely",
    "pointed to the improved transport links of the past decade", "warned that maintenance costs would rise",
    "said the work had been slowed by a shortage of skilled staff", "praised the people who made it happen",
    "asked for the full report to be published", "said the debate in the regional assembly was far from over",
    "noted that the weather had helped the work along", "complained about noise during the works",
    "said the project had put {T} on the map", "urged the government to keep its promises to the region",
    "argued that the money could have been better spent", "expected the next steps to be announced soon",
]
_FILLER_TAILS = ["", "", "", " on Tuesday", " in a statement", " at a news conference in {T}",
                 ", according to people familiar with the matter", " in an interview"]
_QUOTES = [
    "\u201cWe are proud of what has been achieved,\u201d {P} told reporters.",
    "\u201cThis is a good day for {T},\u201d said {P}.",
    "\u201cThere is still a lot of work to do,\u201d {P} said.",
    "\u201cNobody expected it to be easy,\u201d said {P}.",
    "\u201cThe numbers speak for themselves,\u201d {P} said.",
]
#: Numbers that belong to one document only (a poll, a meeting): noise every real archive has.
_LOCAL_DETAILS = [
    "A poll of {n:,} residents commissioned by the {O} found {p}% in favour.",
    "About {m} people attended {P}'s briefing on {W}.",
    "{P} has worked on the file for {k} years.",
    "The council's committee met {k} times before the vote on {W}.",
    "Tickets for {P}'s guided tour on {W} cost {c} euros each.",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def filler_sentence(rng: random.Random) -> str:
    """A sentence without numbers, composed so that documents do not repeat each other."""
    if rng.random() < 0.12:
        return rng.choice(_QUOTES)
    return f"{rng.choice(_FILLER_SUBJECTS)} {rng.choice(_FILLER_PREDICATES)}{rng.choice(_FILLER_TAILS)}."


def local_detail(rng: random.Random, outlet: str, which: int) -> str:
    """A sentence with numbers that no other document restates."""
    numbers = {"{n:,}": f"{rng.randint(300, 3000):,}", "{p}": str(rng.randint(35, 80)),
               "{m}": str(rng.randint(20, 400)), "{k}": str(rng.randint(3, 12)), "{c}": str(rng.randint(8, 40))}
    text = _LOCAL_DETAILS[which].replace("{O}", outlet).replace("{W}", rng.choice(_WEEKDAYS))
    for slot, number in numbers.items():
        text = text.replace(slot, number)
    return text


_HEADLINES = [
    "{E}: what the figures show", "New figures for {e}", "{E} in numbers", "A closer look at {e}",
    "{T} takes stock of {e}", "Questions over {e}", "{E} marks another milestone", "Report: {e} under review",
]
_GENRES = ["wire", "release", "feature", "brief"]


@dataclass
class Fact:
    """One fact of a subject: its true value and, if planted, a wrong one."""

    key: str
    templates: list[str]
    true: Value
    wrong: Value | None = None
    mentions: list[tuple[bool, dict]] = field(default_factory=list)  # (is_wrong, span)


@dataclass
class Subject:
    id: str
    domain: str
    name: str
    town: str
    base_year: int
    people: list[str]
    facts: dict[str, Fact]
    series: tuple[str, list[str], list[tuple[int, Value]]]
    budget: tuple[str, list[str], Value]
    trap_spans: dict[str, list[dict]] = field(default_factory=dict)


def make_subject(index: int, rng: random.Random, names: Names) -> Subject:
    domain = rng.choice(sorted(DOMAINS))
    spec = DOMAINS[domain]
    town = names.town()
    label = names.unique(lambda: names.word())
    name = rng.choice(spec["subject"]).replace("{N}", label).replace("{T}", town)
    base_year = rng.randint(2012, 2025)
    facts = {}
    for key, (maker, templates) in spec["facts"].items():
        facts[key] = Fact(key, templates, maker(rng, base_year))
    if domain == "bridge":  # the ceremony is the opening: keep the two facts consistent
        ceremony = facts["ceremony"].true
        facts["ceremony"].true = Value("date", year=facts["opened"].true.year, month=ceremony.month, day=ceremony.day)
    series_key, series_templates = spec["series"]
    true_now = facts[series_key].true
    earlier = []
    ratios = rng.sample([0.7, 0.78, 0.84, 1.2, 1.3], 2)
    for back, ratio in zip(sorted(rng.sample(range(2, 9), 2)), ratios):
        earlier.append((base_year - back, Value("count", number=int(true_now.number * ratio))))
    budget_key, budget_templates = spec["budget"]
    planned = facts[budget_key].true
    budget_value = Value("money", number=int(round(planned.number * rng.choice([0.82, 0.9, 1.12, 1.25]) / 1e5)) * 100_000,
                         currency=planned.currency)
    # Facts used by the traps are never conflicted: a trap must stay a trap.
    candidates = [k for k in facts if k not in (series_key, budget_key)]
    for key in rng.sample(candidates, rng.choice([1, 1, 2])):
        facts[key].wrong = wrong_value(facts[key].true, rng)
    people = [names.person() for _ in range(3)]
    return Subject(f"s{index:05d}", domain, name, town, base_year, people, facts,
                   (series_key, series_templates, earlier), (budget_key, budget_templates, budget_value))


# ---------------------------------------------------------------- documents


class DocumentBuilder:
    """Builds a text piece by piece and records the spans of planted values."""

    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.parts: list[str] = []
        self.length = 0
        self.words = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)
        self.words += len(text.split())

    def sentence(self, template: str, subject: Subject, rng: random.Random, value_text: str | None = None,
                 year: int | None = None) -> dict | None:
        """Add a sentence; the span of ``{V}`` in it, if any."""
        text = template
        if text.startswith("{e}"):
            text = "{E}" + text[3:]
        text = (text.replace("{E}", _cap(subject.name)).replace("{e}", subject.name).replace("{T}", subject.town)
                .replace("{P}", rng.choice(subject.people)).replace("{Y}", str(year or "")))
        if self.parts and not self.parts[-1].endswith((" ", "\n")):
            self.add(" ")
        span = None
        if value_text is not None:
            before, after = text.split("{V}", 1)
            if not before:
                value_text = _cap(value_text)
            start = self.length + len(before)
            span = {"doc": self.doc_id, "start": start, "end": start + len(value_text), "text": value_text}
            text = before + value_text + after
        self.add(text)
        return span

    def text(self) -> str:
        return "".join(self.parts)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _doc_date(subject: Subject, rng: random.Random) -> tuple[int, int, int]:
    return subject.base_year + rng.choice([0, 0, 1]), rng.randint(1, 12), rng.randint(1, 28)


def write_document(doc_id: str, subject: Subject, plan: list[tuple[str, bool]], rng: random.Random,
                   words: int, extras: list[str]) -> str:
    """One document about ``subject`` stating the facts of ``plan`` ((key, wrong?) pairs)."""
    builder = DocumentBuilder(doc_id)
    genre = rng.choice(_GENRES)
    year, month, day = _doc_date(subject, rng)
    headline = rng.choice(_HEADLINES)
    builder.sentence(headline, subject, rng)
    builder.add("\n\n")
    if genre == "wire":
        agency = rng.choice(_AGENCIES)
        builder.add(f"{subject.town.upper()}, {MONTHS[month - 1]} {day} ({agency}) \u2013 ")
    elif genre == "release":
        builder.add(f"PRESS RELEASE\n{subject.town}, {day} {MONTHS[month - 1]} {year}\n\n")
    elif genre == "feature":
        builder.add(f"By {rng.choice(subject.people)} | {subject.town} {rng.choice(_OUTLETS)}\n"
                    f"Published {MONTHS[month - 1]} {day}, {year}\n\n")
    else:
        builder.add(f"Updated {year}-{month:02d}-{day:02d}\n\n")
    items: list[tuple[str, object]] = [("fact", item) for item in plan] + [("extra", key) for key in extras]
    rng.shuffle(items)
    outlet = f"{subject.town} {rng.choice(_OUTLETS)}"
    details = rng.sample(range(len(_LOCAL_DETAILS)), rng.choice([2, 3, 3, 4]))
    items += [("local", d) for d in details]
    rng.shuffle(items)
    # Spread the filler between the facts, so a reader meets numbers all the way down.
    fillers = max(0, (words - 60 - 13 * len(items)) // 16)
    for _ in range(fillers):
        items.insert(rng.randint(1, len(items)), ("filler", None))
    in_paragraph = 0
    for what, item in items:
        if what == "fact":
            key, wrong = item
            fact = subject.facts[key]
            value = fact.wrong if wrong else fact.true
            span = builder.sentence(rng.choice(fact.templates), subject, rng, write_value(value, rng))
            fact.mentions.append((wrong, span))
        elif what == "local":
            builder.sentence(local_detail(rng, outlet, item), subject, rng)
        elif what == "filler":
            builder.sentence(filler_sentence(rng), subject, rng)
        elif item == "series":
            _, templates, earlier = subject.series
            for ref_year, value in earlier:
                span = builder.sentence(rng.choice(templates), subject, rng, write_value(value, rng), year=ref_year)
                subject.trap_spans.setdefault("series", []).append(span)
        else:
            _, templates, value = subject.budget
            span = builder.sentence(rng.choice(templates), subject, rng, write_value(value, rng))
            subject.trap_spans.setdefault("budget", []).append(span)
        in_paragraph += 1
        if in_paragraph >= rng.choice([2, 3, 4, 5]):
            builder.add("\n\n")
            in_paragraph = 0
    while builder.words < words:
        builder.sentence(filler_sentence(rng), subject, rng)
        if rng.random() < 0.25:
            builder.add("\n\n")
    builder.add("\n\n")
    if genre == "wire":
        builder.add(f"(Reporting by {rng.choice(subject.people)}; Editing by {rng.choice(subject.people)})\n")
    elif genre == "release":
        builder.add("Media contact: press office\n")
    else:
        builder.add("\n")
    return builder.text()


def plan_documents(subject: Subject, count: int, rng: random.Random) -> list[tuple[list[tuple[str, bool]], list[str]]]:
    """Which facts each document of the subject states, and which one states a wrong value."""
    keys = list(subject.facts)
    plans: list[list[tuple[str, bool]]] = [[] for _ in range(count)]
    for key in keys:
        fact = subject.facts[key]
        holders = sorted(rng.sample(range(count), min(count, max(2, round(count * rng.uniform(0.5, 0.9))))))
        for d in holders:
            plans[d].append((key, False))
            if rng.random() < 0.15:  # restated within the document, in other words
                plans[d].append((key, False))
        if fact.wrong is not None:
            if len(holders) >= 3 and rng.random() < 0.8:
                culprit = rng.choice(holders)  # one document states the wrong value instead
                plans[culprit] = [(k, w) if k != key else (k, True) for k, w in plans[culprit]]
            else:
                plans[rng.choice(holders)].append((key, True))  # the same document states both values
    extras: list[list[str]] = [[] for _ in range(count)]
    extras[rng.randrange(count)].append("series")
    for d in rng.sample(range(count), min(count, 2)):
        extras[d].append("budget")
    return list(zip(plans, extras))


def generate(out: Path, *, docs: int, seed: int = 7, words: int = 500) -> dict:
    """Write ``docs`` documents and ``gold.json`` under ``out``; the gold dict.

    Raises:
        FileExistsError: ``out/docs`` exists and is not empty.
    """
    rng = random.Random(seed)
    names = Names(rng)
    folder = out / "docs"
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty")
    subjects_count = max(1, math.ceil(docs / DOCS_PER_SUBJECT))
    sizes = [docs // subjects_count + (1 if i < docs % subjects_count else 0) for i in range(subjects_count)]
    order = list(range(docs))
    rng.shuffle(order)  # a subject's documents are spread over the folder, as in an archive
    gold = {"corpus": f"generated-{docs}-seed{seed}", "discrepancies": [], "optional": [], "traps": [],
            "derived": []}
    position = 0
    total_words = 0
    for index, size in enumerate(sizes):
        subject = make_subject(index, rng, names)
        slug = subject.name.lower().replace("the ", "").replace("'", "").replace(" ", "-")
        for plan, extras in plan_documents(subject, size, rng):
            doc_id = f"{order[position]:06d}_{slug}.txt"
            position += 1
            text = write_document(doc_id, subject, plan, rng, words, extras)
            total_words += len(text.split())
            (folder / doc_id).write_text(text, encoding="utf-8", newline="")
        _add_gold(gold, subject)
    gold["words"] = total_words
    (out / "names.json").write_text(json.dumps(names.invented()) + "\n", encoding="utf-8")
    (out / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold


def _add_gold(gold: dict, subject: Subject) -> None:
    for key, fact in subject.facts.items():
        right = [span for wrong, span in fact.mentions if not wrong]
        wrong = [span for wrong, span in fact.mentions if wrong]
        if fact.wrong is None or not right or not wrong:
            continue
        gold["discrepancies"].append({
            "id": f"{subject.id}-{key}",
            "fact": f"{key} of {subject.name}: {right[0]['text']} vs {wrong[0]['text']}",
            "category": fact.true.kind,
            "sides": [sorted(right, key=_span_order), sorted(wrong, key=_span_order)],
        })
    for name, spans in sorted(subject.trap_spans.items()):
        if name == "series":
            gold["traps"].append({"id": f"{subject.id}-t-series", "category": "time_series",
                                  "fact": f"{subject.series[0]} of {subject.name} in two stated years",
                                  "claims": sorted(spans, key=_span_order)})
        elif name == "budget":
            base = [span for wrong, span in subject.facts[subject.budget[0]].mentions if not wrong]
            if base:
                gold["traps"].append({"id": f"{subject.id}-t-budget", "category": "plan_vs_actual",
                                      "fact": f"{subject.budget[0]} of {subject.name} vs a planned or forecast figure",
                                      "claims": sorted(spans + base[:1], key=_span_order)})


def _span_order(span: dict) -> tuple[str, int]:
    return span["doc"], span["start"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="output folder (docs/ and gold.json are written there)")
    parser.add_argument("--docs", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--words", type=int, default=500, help="words per document, about (default 500)")
    args = parser.parse_args(argv)
    try:
        gold = generate(args.out, docs=args.docs, seed=args.seed, words=args.words)
    except FileExistsError as exc:
        print(f"generate.py: {exc}; choose an empty folder", file=sys.stderr)
        return 2
    print(f"{args.docs} documents, {gold['words']} words, {len(gold['discrepancies'])} planted conflicts, "
          f"{len(gold['traps'])} traps -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
