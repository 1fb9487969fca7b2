"""Build the blind2 articles and their answer keys from the annotated sources.

The source of each article is ``src/<name>.txt``: the article text with every
entity mention marked inline as ``[[mention|T]]`` or ``[[mention|T|Canonical
name]]`` (T: P person, O organization, G GPE, L location, F facility, E event,
N NORP). Quotes and claims are listed below, each quote by the first words and
the last words of its content (the content is the text from the first to the
last, both included) and each claim by its sentence.

Running this script writes ``articles/<name>.txt`` (the plain text),
``articles/<name>.toml`` (outlet and date), and ``articles/<name>.key/``
(entities.csv, quotes.csv, claims.csv), then checks every offset:
``text[start_char:end_char] == text column``. It does not import the kit.

It was run once, before the kit was ever run on these articles; the keys were
then frozen (FROZEN.sha256). Do not run it again to "fix" a key.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "articles"

TYPES = {"P": "PERSON", "O": "ORGANIZATION", "G": "GPE", "L": "LOCATION", "F": "FACILITY", "E": "EVENT", "N": "NORP"}
MARK = re.compile(r"\[\[([^|\]]+)\|([POGLFEN])(?:\|([^\]]+))?\]\]")

META = {
    "us_bridge_closure": ("Keystone Wire", "2025-04-15"),
    "uk_flood_wall": ("The Dales Chronicle", "2025-06-07"),
    "regional_library_closure": ("Chippewa Valley Ledger", "2025-01-22"),
    "business_trucking_deal": ("Marlowe Business Wire", "2025-06-10"),
    "science_bumblebees": ("Keystone Wire", "2025-03-05"),
    "court_kickback_sentence": ("Bay State Courier", "2025-02-13"),
    "election_lakemont_mayor": ("Front Range Daily", "2025-11-05"),
    "conflict_varenko": ("The Meridian Post", "2025-09-14"),
}

# (first words, last words, kind, speaker_name, source_type, cue, channel)
QUOTES = {
    "us_bridge_closure": [
        ("We are not going", "every day,", "direct", "Marisol Ybarra", "named", "said", ""),
        ("The bridge will stay closed", "that it is safe.", "direct", "Marisol Ybarra", "named", "", ""),
        ("the crack was spotted", "movement in the span", "indirect", "Marisol Ybarra", "named", "said", ""),
        ("detours would send", "for their commutes", "indirect", "Ohio Department of Transportation", "organization", "said", "in a statement"),
        ('the closure was "a gut punch', "the right decision", "mixed", "Dennis Aldana", "named", "said", ""),
        ("I'd rather have", "than a tragedy,", "direct", "Dennis Aldana", "named", "said", "at a news conference outside City Hall"),
        ("Nobody in this city", "in Minneapolis.", "direct", "Dennis Aldana", "named", "", ""),
        ("The Harwell bridge, opened", "federal inventory", "mixed", "Federal Highway Administration", "organization", "according to", ""),
        ("freight companies were already", "around the city", "indirect", "", "anonymous", "said", ""),
        ("It's chaos,", "It's chaos,", "direct", "Tanya Brooks", "named", "said", ""),
        ("I left an hour", "still late.", "direct", "Tanya Brooks", "named", "", ""),
        ("Nobody told us", "sitting in traffic.", "direct", "Tanya Brooks", "named", "", ""),
        ("inspectors would return", "the crack runs", "indirect", "Marisol Ybarra", "named", "said", ""),
        ("If the news is bad", "right away,", "direct", "Marisol Ybarra", "named", "said", ""),
    ],
    "uk_flood_wall": [
        ("Flood wall plan", "in two’", "mixed", "", "anonymous", "say", ""),
        ("the Northern Rivers Authority is", "actually live here’", "mixed", "", "anonymous", "say", ""),
        ("Nobody is against", "take away the town.", "direct", "Helen Oduya", "named", "said", ""),
        ("the authority had held only", "weekday afternoons", "indirect", "Martin Pryce", "named", "said", ""),
        ("People who work couldn’t come,", "People who work couldn’t come,", "direct", "Martin Pryce", "named", "said", ""),
        ("I asked for an evening", "in the process.", "direct", "Martin Pryce", "named", "", ""),
        ("the design was ‘not final’", "demountable barriers", "mixed", "Northern Rivers Authority", "organization", "said", ""),
        ("The river has come over", "six years,", "direct", "Susan Kaye", "named", "said", ""),
        ("We have a duty", "walk away from them.", "direct", "Susan Kaye", "named", "", ""),
        ("a revised design would go", "in the autumn", "indirect", "Susan Kaye", "named", "added", ""),
        ("more than 1,100 residents", "against the wall", "indirect", "Rachel Ainsworth", "named", "according to", ""),
        ("he would table a motion", "independent review", "indirect", "Martin Pryce", "named", "said", ""),
        ("We want a wall,", "We want a wall,", "direct", "Martin Pryce", "named", "said", ""),
        ("We just want one", "live with.", "direct", "Martin Pryce", "named", "", ""),
    ],
    "regional_library_closure": [],
    "business_trucking_deal": [
        ("it had agreed to buy", "in the United States", "indirect", "Tidewater Logistics Inc", "organization", "said", ""),
        ("This combination gives", "the last mile,", "direct", "Priya Raman", "named", "said", "in a statement"),
        ("We are buying", "volumes come back.", "direct", "Priya Raman", "named", "", ""),
        ("the company expected to save", "and the Southeast", "indirect", "Priya Raman", "named", "told", "analysts on a conference call"),
        ("Our drivers and our customers", "good hands,", "direct", "Daniel Okonjo", "named", "said", ""),
        ("They are paying up", "of capacity,", "direct", "Greta Lindqvist", "named", "said", ""),
        ("The savings are real", "the debt.", "direct", "Greta Lindqvist", "named", "", ""),
        ("Tidewater had outbid", "began in March", "indirect", "", "anonymous", "said", ""),
        ("Tidewater will fund", "from Castellan Bank", "indirect", "Tidewater Logistics Inc", "organization", "said", "in a regulatory filing"),
        ("it expected the deal to close", "fourth quarter", "indirect", "Tidewater Logistics Inc", "organization", "said", ""),
        ("Together, the companies will run", "from 140 terminals", "indirect", "Priya Raman", "named", "said", ""),
        ("no terminal closures had been decided", "no terminal closures had been decided", "indirect", "Priya Raman", "named", "adding", ""),
    ],
    "science_bumblebees": [
        ("Bumblebees are disappearing", "colonising cooler areas", "indirect", "", "anonymous", "reported", ""),
        ("in places where temperatures", "average of 46%", "indirect", "", "anonymous", "said", ""),
        ("What surprised us", "how quickly it happened,", "direct", "Lena Marchetti", "named", "said", ""),
        ("In some valleys in Spain", "within fifteen years.", "direct", "Lena Marchetti", "named", "", ""),
        ("the bees’ northern edges", "barely moved", "indirect", "Lena Marchetti", "named", "said", ""),
        ("They are losing ground", "at the top,", "direct", "Lena Marchetti", "named", "said", ""),
        ("the findings were", "not surprising.”", "mixed", "Samuel Achterberg", "named", "said", ""),
        ("museum records tend", "roadsides and towns", "indirect", "Samuel Achterberg", "named", "cautioned", ""),
        ("You have to be careful with historical data,", "You have to be careful with historical data,", "direct", "Samuel Achterberg", "named", "said", ""),
        ("but the pattern here", "an artefact.", "direct", "Samuel Achterberg", "named", "said", ""),
        ("the study showed the need", "across the continent", "indirect", "European Pollinator Monitoring Network", "organization", "said", "in a statement"),
        ("We can’t cool the planet", "small refuges,", "direct", "Lena Marchetti", "named", "said", ""),
        ("For a bee", "foraging and dying.", "direct", "Lena Marchetti", "named", "", ""),
    ],
    "court_kickback_sentence": [
        ("Mr. Finch did not steal", "faceless institution,", "direct", "Rosalind Achebe", "named", "said", ""),
        ("He stole from nurses", "being cheated.", "direct", "Rosalind Achebe", "named", "", ""),
        ("Finch steered more than", "for his children", "indirect", "", "anonymous", "said", ""),
        ("her client had cooperated", "repaid $600,000", "indirect", "Maureen Castillo", "named", "told", "the court"),
        ("He has lost his career", "his reputation,", "direct", "Maureen Castillo", "named", "said", ""),
        ("He will spend the rest", "making amends.", "direct", "Maureen Castillo", "named", "", ""),
        ("I was greedy", "getting hurt,", "direct", "Gerald Finch", "named", "said", ""),
        ("I was wrong.", "I was wrong.", "direct", "Gerald Finch", "named", "", ""),
        ("Health care dollars", "found and prosecuted.", "direct", "Joshua Mendel", "named", "said", "In a statement"),
        ("it had overhauled", 'every day."', "mixed", "Bayside Health Partners", "organization", "said", "in a statement"),
    ],
    "election_lakemont_mayor": [
        ("With 96% of ballots", "Whitcomb's 44.1%", "indirect", "Sheridan County Elections Office", "organization", "according to", ""),
        ('voters had "chosen', 'afford to live."', "mixed", "Teresa Delgado", "named", "said", ""),
        ("Tonight isn't about me,", "Tonight isn't about me,", "direct", "Teresa Delgado", "named", "said", ""),
        ("It's about every family", "within 60 days.", "direct", "Teresa Delgado", "named", "", ""),
        ("he had called Delgado", 'a fair chance."', "mixed", "Frank Whitcomb", "named", "said", "In a brief statement to reporters at his campaign office"),
        ("This was a referendum", "plain and simple,", "direct", "Marcus Bell", "named", "said", ""),
        ("Whitcomb spent the whole race", "eviction notices.", "direct", "Marcus Bell", "named", "", ""),
        ("the mayor's team had seen", "final two weeks", "indirect", "", "anonymous", "said", ""),
        ("she had voted for Delgado", "in two years", "indirect", "Dolores Yazzie", "named", "said", ""),
        ("I have lived here since 1979,", "I have lived here since 1979,", "direct", "Dolores Yazzie", "named", "said", ""),
        ("I would like to die here, too.", "I would like to die here, too.", "direct", "Dolores Yazzie", "named", "", ""),
        ("it looked forward to working", "the new mayor", "indirect", "Lakemont Chamber of Commerce", "organization", "said", "in a statement"),
    ],
    "conflict_varenko": [
        ("its forces had repelled", "killed 52 fighters", "mixed", "Defence Ministry", "organization", "said", "in a statement"),
        ("government artillery had shelled", "claims to protect.”", "mixed", "Harun Kamali", "named", "said", "on the group’s Telegram channel"),
        ("We did not start this battle", "finish it,", "direct", "Harun Kamali", "named", "said", "in a video message"),
        ("two hospitals had stopped", "for their generators", "indirect", "", "own_sources", "said", ""),
        ("the army had lost", "the capital, Mirta", "mixed", "", "anonymous", "said", ""),
        ("bodies remained in the streets", "could not reach them", "indirect", "", "anonymous", "told", "The Meridian Post"),
        ("We hear the shelling", "we count,", "direct", "", "anonymous", "said", ""),
        ("Those who took up arms", "for murderers.", "direct", "Tomas Reyl", "named", "said", ""),
        ("about 12,000 people had fled", "border with Dorvan", "indirect", "U.N. Office for the Coordination of Humanitarian Affairs", "organization", "said", ""),
        ("Every day of fighting", "table longer,", "direct", "Elena Varga", "named", "told", "reporters"),
        ("they had little hope for the talks", "they had little hope for the talks", "indirect", "", "anonymous", "said", ""),
        ("the government believed it could win", "reason to compromise", "indirect", "", "anonymous", "said", ""),
        ("both delegations have nonetheless", "will attend", "indirect", "Elena Varga", "named", "according to", ""),
    ],
}

CLAIMS = {
    "us_bridge_closure": [
        "About 48,000 vehicles use the bridge on an average weekday.",
        "Nearly one in four bridges in Franklin County carries the same rating.",
        "More than 300 bridges statewide are in need of major structural work.",
    ],
    "uk_flood_wall": [
        "The £38million scheme, drawn up after Storm Ingrid flooded 412 homes in the town in February last year, would see the wall built along both banks of the river through the town centre, cutting the historic quayside off from the high street.",
        "Roughly a third of the businesses on the quayside have not reopened since the storm.",
    ],
    "regional_library_closure": [
        "It lends more than 60,000 items a year, roughly a quarter of them children’s books.",
        "About 40% of village households hold an active library card.",
    ],
    "business_trucking_deal": [
        "Trucking rates have fallen about 18% from their peak in early 2022, and more than 2,000 small carriers have gone out of business in the past year.",
    ],
    "science_bumblebees": [
        "Bumblebees pollinate an estimated 30% of wild flowering plants in temperate regions, and many crops, including tomatoes and blueberries, depend on them.",
        "Nearly a quarter of Europe’s bumblebee species are already listed as threatened.",
    ],
    "court_kickback_sentence": [
        "The inflated contracts cost the hospital chain an estimated $7 million.",
    ],
    "election_lakemont_mayor": [
        "Turnout was about 41%, the highest for a Lakemont city election since 2011.",
        "The measure was passing with 61% of the vote.",
    ],
    "conflict_varenko": [
        "Dozens killed as fighting flares around Varenko; both sides trade blame",
        "At least 38 people were killed and more than 100 wounded in two days of fighting around the Karsian city of Varenko, the heaviest clashes since a ceasefire brokered by Qatar collapsed in January.",
        "The conflict, now in its fourth year, has displaced an estimated 1.3 million people.",
    ],
}


def strip_marks(src: str) -> tuple[str, list[tuple[int, int, str, str, str]]]:
    out, ents, pos = [], [], 0
    n = 0
    for m in MARK.finditer(src):
        out.append(src[pos : m.start()])
        n += len(src[pos : m.start()])
        mention, t, canon = m.group(1), TYPES[m.group(2)], m.group(3) or m.group(1)
        ents.append((n, n + len(mention), mention, t, canon))
        out.append(mention)
        n += len(mention)
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    assert "[[" not in text and "]]" not in text, "unparsed mark"
    return text, ents


def find_once(text: str, s: str, what: str) -> int:
    k = text.find(s)
    if k == -1:
        sys.exit(f"{what}: {s!r} not in the text")
    if text.find(s, k + 1) != -1:
        sys.exit(f"{what}: {s!r} occurs more than once")
    return k


def write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def build(name: str) -> None:
    src = (SRC / f"{name}.txt").read_text(encoding="utf-8")
    text, ents = strip_marks(src)
    if not text.endswith("\n"):
        text += "\n"
    (OUT / f"{name}.txt").write_text(text, encoding="utf-8")
    outlet, date = META[name]
    (OUT / f"{name}.toml").write_text(f'outlet = "{outlet}"\npublished = {date}\n', encoding="utf-8")
    key = OUT / f"{name}.key"
    key.mkdir(exist_ok=True)

    write_csv(key / "entities.csv", ["start_char", "end_char", "text", "type", "name"],
              [[a, b, m, t, c] for a, b, m, t, c in ents])

    qrows = []
    for first, last, kind, spk, st, cue, ch in QUOTES[name]:
        a = find_once(text, first, f"{name} quote start")
        e = text.find(last, a)
        if e == -1:
            sys.exit(f"{name}: end {last!r} not after {first!r}")
        b = e + len(last)
        qrows.append([a, b, text[a:b], kind, spk, st, cue, ch])
    qrows.sort(key=lambda r: r[0])
    write_csv(key / "quotes.csv", ["start_char", "end_char", "content", "kind", "speaker_name", "source_type", "cue", "channel"], qrows)

    crows = []
    for s in CLAIMS[name]:
        a = find_once(text, s, f"{name} claim")
        crows.append([a, a + len(s), s])
    crows.sort(key=lambda r: r[0])
    write_csv(key / "claims.csv", ["start_char", "end_char", "text"], crows)


def verify(name: str) -> tuple[int, int, int]:
    """Re-read the written files and check every offset against the text."""
    text = (OUT / f"{name}.txt").read_text(encoding="utf-8")
    counts = []
    for fname, col in (("entities.csv", "text"), ("quotes.csv", "content"), ("claims.csv", "text")):
        with (OUT / f"{name}.key" / fname).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for r in rows:
            a, b = int(r["start_char"]), int(r["end_char"])
            assert text[a:b] == r[col], (name, fname, a, b, text[a:b], r[col])
        counts.append(len(rows))
    # every occurrence (at word edges) of an annotated entity form is annotated, unless listed below
    with (OUT / f"{name}.key" / "entities.csv").open(encoding="utf-8", newline="") as f:
        spans = {(int(r["start_char"]), int(r["end_char"])) for r in csv.DictReader(f)}
    forms = {text[a:b] for a, b in spans}
    for form in forms:
        for m in re.finditer(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text):
            inside = any(a <= m.start() and m.end() <= b for a, b in spans)
            if not inside:
                print(f"  note: {name}: unannotated occurrence of {form!r} at {m.start()}: ...{text[max(0, m.start()-30):m.end()+30]!r}")
    return tuple(counts)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name in META:
        build(name)
        ne, nq, nc = verify(name)
        print(f"{name:28s} entities {ne:3d}  quotes {nq:3d}  claims {nc:2d}  ({len((OUT / f'{name}.txt').read_text().split())} words)")


if __name__ == "__main__":
    main()
