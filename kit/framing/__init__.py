"""Framing: the labels an article gives its actors and actions, and how to swap them.

Writers choose words for the people and things they report: the same armed
group is "anti-terror resistance forces" in one outlet and "Iran-aligned
militants" in another. This package finds such labels with rules driven by
lexicons shipped in ``kit/data``, compares the headline's labels with the
body's, lines them up with other outlets' labels, and rewrites the article
with labels swapped. Every label, the bundled article's and every other
outlet's, is data with a source; none is the neutral truth.

The ``labels`` table (:func:`build_labels`)
-------------------------------------------
One row per label. A label grows from a *framing term* in
``kit/data/framing_terms.csv`` (``regime``, ``anti-terror``, ``ferocious``,
``precision``, ...), matched word by word on the tokens' match form
(:func:`kit.lexicons.match_form`). Each term carries its *device*:

``Name_Calling,Labeling`` and ``Loaded_Language``
    Technique names of SemEval-2020 Task 11 (Da San Martino et al. 2020,
    "Detection of Propaganda Techniques in News Articles"): a label that casts
    its object favourably or unfavourably, and words with strong emotional
    charge. The next three devices are the kit's own, not SemEval names.
``Evaluative_Adjective``
    An adjective that judges what it describes (``necessary``, ``firm``).
``Euphemism``
    A mild word for something harsh (``precision strikes``). Not SemEval's
    ``Exaggeration,Minimisation``, which is a claim that makes something
    larger or smaller than it is; ``precision`` names the strikes by their
    intended accuracy and leaves the harm unsaid.
``Scare_Quotes``
    A few words put in quotation marks by the narration itself, not quoted
    from a speaker, which distances the outlet from them (``“self-defense.”``).

The ``rule`` column reads ``<span>; actor:<how>; voice:<how>``. The span rules:

``term``
    A term of kind ``noun`` (``regime``), or of kind ``either`` with no head
    noun after it, is a label on its own.
``term+head``
    A term grows right to the *head noun* it describes (``kit/data/framing_heads.csv``),
    over other terms, fillers (``military``), capitalised name words and
    ``and`` between two terms: ``anti-terror resistance forces``,
    ``necessary and proportionate strikes``, ``besieged Gaza Strip``. A term of
    kind ``modifier`` that reaches no head within :data:`MAX_REACH` words is
    dropped: ``necessary`` alone is not a label.
``name+term`` / ``name+term+head``
    A ``Name_Calling,Labeling`` term also grows left over a capitalised name
    word and a possessive: ``Israeli regime``, ``Gaza’s resistance groups``.
    Other devices do not: in ``Israel’s ferocious attacks`` the label is
    ``ferocious attacks`` and Israel is the actor.
``scare_quotes``
    A span between quotation marks (:attr:`Article.quote_marks`) of at most
    :data:`SCARE_MAX_WORDS` words that is not part of an attributed quotation
    (:attr:`Article.quotes`); the label is the words inside, without the
    marks and the closing punctuation.

A capitalised term in the middle of a sentence is part of a name, not a label
(``the Islamic Resistance in Iraq``), except in a title-case headline.

The ``actor`` column names who or what is labelled, in plain words, from
``kit/data/framing_actors.csv`` (``actor:label`` when the whole label is an
entry, ``actor:within`` when an entry's phrase is inside it), else from
another outlet's identical label in :func:`outlet_labels` (``actor:outlet``),
else the head noun itself (``actor:head``, for articles the lexicon does not
know). An article may carry its own hand-checked reading beside its file,
``<name>.actors.csv`` in the same columns (the seed has one): its rows come
first and are recorded as ``actor:annotation``, so a learner can see which
actors were read by a person rather than found by a rule.

The ``voice`` column says whose words the label is: ``narration`` for the
outlet's own words (paraphrases of a speaker included: an indirect quotation
is in the outlet's words), or the speaker's name for words inside the
quotation marks of an attributed quotation (``voice:quoted``). Speakers come
from :attr:`Article.quotes`, the quotation marks from :attr:`Article.quote_marks`:
these are the two tables ``labels`` is built from (:func:`build_labels`).

Extending the lexicon
---------------------
``labels(article, extra_terms=...)`` takes more terms: a DataFrame, or a list
of dicts, with columns ``term`` and ``device`` and optionally ``kind``,
``target_kind`` and ``source``. This is the model every extractor follows for
a learner's own entries (see :mod:`kit.lexicons`).

Where each step lives
---------------------
``terms``          the framing terms and head nouns, and a learner's extra terms
``speech``         whose words a span is: the narration's or a quoted speaker's
``growth``         where labels stand: a term grown to its head, scare quotes
``actors``         who or what a label names (lexicon, annotation, other outlets)
``label_table``    the ``labels`` table (:func:`build_labels`, :func:`labels`)
``headline``       :func:`headline_vs_body`
``outlets``        :func:`outlet_labels` and :func:`corroboration_facts`
``reframing``      :func:`reframe` and :func:`changed_sentences`, with
``substitutions``  (what to swap) and ``edits`` (word diff, determiners)

>>> import kit
>>> article = kit.load_article()
>>> article.labels.loc[:2, ["label", "actor"]].to_dict("split")["data"]
[['Iraqi resistance sites', 'Sites struck'], ['retaliatory strikes', 'Attacks on US forces'], ["anti-terror Kata'ib Hezbollah group", "Kata'ib Hezbollah and allied groups"]]
"""

from __future__ import annotations

from kit.errors import UnknownLabelError
from kit.framing.edits import DETERMINERS
from kit.framing.growth import MAX_REACH, SCARE_MAX_WORDS
from kit.framing.headline import headline_vs_body
from kit.framing.label_table import build_labels, labels
from kit.framing.outlets import corroboration_facts, outlet_labels
from kit.framing.reframing import ReframeResult, changed_sentences, reframe
from kit.framing.speech import NARRATION
from kit.framing.terms import DEVICES, KINDS, TARGET_KINDS

__all__ = [
    "DETERMINERS",
    "DEVICES",
    "KINDS",
    "MAX_REACH",
    "NARRATION",
    "SCARE_MAX_WORDS",
    "TARGET_KINDS",
    "ReframeResult",
    "UnknownLabelError",
    "build_labels",
    "changed_sentences",
    "corroboration_facts",
    "headline_vs_body",
    "labels",
    "outlet_labels",
    "reframe",
]
