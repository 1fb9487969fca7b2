"""Checking a learner's order of events against the constraints, and one consistent chronology."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

import kit.timeline.events  # noqa: F401  (registers event_constraints)
from kit.errors import did_you_mean
from kit.lexicons import match_form
from kit.schemas import SCHEMAS, Column, register
from kit.timeline.vocab import (
    RELATIONS,
    EventOrderError,
)

register(
    "check_order",
    [
        *SCHEMAS["event_constraints"],
        Column("explanation", "string", "what the order puts wrong, in plain words"),
    ],
)
"""The broken constraints: the columns of ``event_constraints`` and an explanation."""


def check_order(article, order, *, partial: bool = False) -> pd.DataFrame:
    """Check an ordering of the article's events against the text's constraints.

    Parameters
    ----------
    article
        A :class:`kit.Article`.
    order
        The events from earliest to latest: a list of ``event_id`` values or
        of descriptions (as in ``article.events["description"]``).
    partial
        Check only the events you list (by default every event must be listed
        once).

    Returns
    -------
    DataFrame
        One row per broken constraint, with an ``explanation`` in plain words;
        empty when the order is consistent with the text. OVERLAP constraints
        cannot be broken by a list: two events that overlap may come in either
        order.

    Raises
    ------
    EventOrderError
        An unknown event, an event listed twice, or (unless ``partial=True``)
        a missing event.

    Examples
    --------
    >>> import kit
    >>> article = kit.load_article()
    >>> broken = kit.check_order(article, [1, 2], partial=True)
    >>> print(broken.loc[0, "explanation"])
    You put 'the strikes in Iraq' (event 1) before 'the drone attack on Erbil Air Base' (event 2), but the text says the strikes in Iraq came after it: 'after a military base ... under a drone attack'.
    >>> kit.check_order(article, [2, 1], partial=True).empty
    True
    """
    events = article.events
    constraints = article.event_constraints
    ids = events["event_id"].tolist()
    descriptions = events["description"].tolist()
    by_desc = {match_form(d): i for i, d in zip(ids, descriptions)}
    if isinstance(order, (str, bytes)) or not isinstance(order, Iterable):
        raise EventOrderError(
            f"check_order() takes a list of events (event_id numbers or descriptions), but got"
            f" {order!r}. For example\n    kit.check_order(article, [2, 1, 3])"
        )
    order = list(order.tolist() if isinstance(order, pd.Series) else order)
    positions: list[int] = []
    for item in order:
        if isinstance(item, bool) or (not isinstance(item, (int, str)) and not hasattr(item, "__index__")):
            raise EventOrderError(
                f"Each event in the order must be an event_id (a whole number) or a description,"
                f" but {item!r} is a {type(item).__name__}. See article.events for both."
            )
        if isinstance(item, str):
            key = match_form(item.strip())
            if key not in by_desc:
                raise EventOrderError(
                    f"No event is described as {item!r}.{did_you_mean(item, descriptions)} The events"
                    f" are listed in article.events[['event_id', 'description']]; use their"
                    " descriptions or their event_id numbers."
                )
            positions.append(by_desc[key])
        else:
            value = int(item)
            if value not in ids:
                raise EventOrderError(
                    f"There is no event {value}: the event_id numbers of this article run from 0 to"
                    f" {len(ids) - 1}. See article.events[['event_id', 'description']]."
                )
            positions.append(value)
    twice = sorted({p for p in positions if positions.count(p) > 1})
    if twice:
        names = ", ".join(f"{p} ({descriptions[p]!r})" for p in twice)
        raise EventOrderError(
            f"Your order lists event {names} more than once. Put each event in the list once."
        )
    missing = [i for i in ids if i not in positions]
    if missing and not partial:
        names = ", ".join(f"{i} ({descriptions[i]!r})" for i in missing[:5])
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        raise EventOrderError(
            f"Your order leaves out event {names}{more}. List every event once, or check only the"
            f" events you listed with\n    kit.check_order(article, order, partial=True)"
        )
    rank = {e: k for k, e in enumerate(positions)}
    rows: dict[str, list] = {
        k: [] for k in ("constraint_id", "event_a", "relation", "event_b", "evidence", "rule", "explanation")
    }
    for c in constraints.itertuples():
        if c.relation == "OVERLAP" or c.event_a not in rank or c.event_b not in rank:
            continue
        a_first = rank[c.event_a] < rank[c.event_b]
        if (c.relation == "BEFORE") == a_first:
            continue
        first, second = (c.event_a, c.event_b) if a_first else (c.event_b, c.event_a)
        said = "after" if c.relation == "AFTER" else "before"
        explanation = (
            f"You put {descriptions[first]!r} (event {first}) before {descriptions[second]!r}"
            f" (event {second}), but the text says {descriptions[c.event_a]} came {said}"
            f" {'it' if c.event_a == first else descriptions[c.event_b]}: {c.evidence}."
        )
        for k, v in (
            ("constraint_id", c.constraint_id),
            ("event_a", c.event_a),
            ("relation", c.relation),
            ("event_b", c.event_b),
            ("evidence", c.evidence),
            ("rule", c.rule),
            ("explanation", explanation),
        ):
            rows[k].append(v)
    out = pd.DataFrame(rows)
    out = out.astype(
        {
            "constraint_id": "int64",
            "event_a": "int64",
            "event_b": "int64",
            "relation": pd.CategoricalDtype(list(RELATIONS)),
            "evidence": "string",
            "rule": "string",
            "explanation": "string",
        }
    )
    return out


def chronology(article) -> list[int]:
    """An order of all the events that breaks no constraint, earliest first.

    Ties (where the text does not decide) are broken by the time the event
    can start, then by narrative position, so the order is one of many.

    Examples
    --------
    >>> import kit
    >>> from kit.timeline import chronology
    >>> article = kit.load_article()
    >>> kit.check_order(article, chronology(article)).empty
    True
    """
    events = article.events
    cons = article.event_constraints
    n = len(events)
    succ: dict[int, set[int]] = {i: set() for i in range(n)}
    indeg = [0] * n
    for c in cons.itertuples():
        if c.relation == "OVERLAP":
            continue
        a, b = (c.event_a, c.event_b) if c.relation == "BEFORE" else (c.event_b, c.event_a)
        if b not in succ[a]:
            succ[a].add(b)
            indeg[b] += 1
    far = pd.Timestamp.max.tz_localize("UTC")
    key = {
        i: (events.loc[i, "time_start"] if pd.notna(events.loc[i, "time_start"]) else far, i)
        for i in range(n)
    }
    ready = sorted((i for i in range(n) if indeg[i] == 0), key=key.get)
    out: list[int] = []
    while ready:
        i = ready.pop(0)
        out.append(i)
        for j in succ[i]:
            indeg[j] -= 1
            if indeg[j] == 0:
                ready.append(j)
        ready.sort(key=key.get)
    out.extend(i for i in range(n) if i not in out)  # a cycle: the text contradicts itself
    return out


# ----- converting times -----------------------------------------------------------------
