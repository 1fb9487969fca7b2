"""Benchmark: the full pipeline (sentences, tokens, entities, quotes) over generated articles.

Generates varied synthetic news articles deterministically (a fixed random seed; the same
articles on every machine), builds each one's sentences, tokens, entities and quotes, and
prints the median articles per second over three runs. Not part of the test suite:

    python benchmarks/bench_pipeline.py            # 1,000 articles, 3 runs
    python benchmarks/bench_pipeline.py --n 100    # a quicker look
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings

import kit

FIRST = [
    "Ana",
    "Omar",
    "Lina",
    "James",
    "Maria",
    "Daniel",
    "Helen",
    "Samuel",
    "Paul",
    "Grace",
    "Yusuf",
    "Mei",
]
LAST = ["Ruiz", "Haddad", "Park", "Liu", "Okafor", "Reyes", "Boateng", "Adeyemi", "Novak", "Kim", "Silva"]
ROLES = ["Mayor", "Health Minister", "Dr.", "Ms.", "Mr.", "General", "police spokesperson", "Senator"]
ORGS = ["the Ministry of Health", "the fire service", "the Red Crescent", "the city council", "the army"]
PLACES = ["Harbor City", "Northfield", "the river valley", "the capital", "the border town of Elm"]
EVENTS = ["a flood", "a strike", "an election", "a fire", "a protest", "a storm"]
CLAIMS = [
    "At least {n} people were killed and {m} wounded.",
    "Prices have risen {p} percent since June.",
    "More than {n} homes were damaged.",
    "The project will cost ${p} million.",
]
QUOTE_STYLES = [
    '"{q}," {who} said.',
    "“{q},” said {who}.",
    "{who} said: “{q}.”",
    "{who} said that {c}.",
    "{c}, {who} said in a statement.",
    "According to {org}, {c}.",
    "{org} told reporters that {c}.",
    "Officials, speaking on condition of anonymity, said {c}.",
    "She said {c}.",
    "“{q}.”",
]
SAYINGS = ["We will rebuild", "Nobody expected this", "The water rose too fast", "Help is on the way"]
CONTENT = ["the roads would reopen on Friday", "the damage was worse than feared", "talks would resume"]


def make_article(rng: random.Random, k: int) -> str:
    """One synthetic article: a headline and 6 to 14 paragraphs of news prose."""
    place, event = rng.choice(PLACES), rng.choice(EVENTS)
    paras = [f"{event.capitalize()} hits {place} (report {k})".replace("the ", "")]
    paras.append(f"Residents of {place} woke on Monday to {event} that cut power to thousands of homes.")
    for _ in range(rng.randint(6, 14)):
        who = f"{rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
        style = rng.choice(QUOTE_STYLES + CLAIMS)
        paras.append(
            style.format(
                q=rng.choice(SAYINGS),
                who=who,
                c=rng.choice(CONTENT),
                org=rng.choice(ORGS),
                n=rng.randint(2, 30000),
                m=rng.randint(2, 900),
                p=rng.randint(2, 90),
            )
        )
    return "\n\n".join(paras) + "\n"


def run(texts: list[str]) -> float:
    """Build every table of the pipeline for each text; return articles per second."""
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, text in enumerate(texts):
            article = kit.parse_article(text, name=f"bench_{i}")
            article.sentences  # noqa: B018
            article.tokens  # noqa: B018
            article.entities  # noqa: B018
            article.quotes  # noqa: B018
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="how many articles (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="how many runs (default 3)")
    args = parser.parse_args()
    rng = random.Random(20231226)
    texts = [make_article(rng, k) for k in range(args.n)]
    rates = [run(texts) for _ in range(args.runs)]
    print(
        f"{args.n} articles, {args.runs} runs: median {statistics.median(rates):.1f} articles per second"
        f" (runs: {', '.join(f'{r:.1f}' for r in rates)})"
    )


if __name__ == "__main__":
    main()
