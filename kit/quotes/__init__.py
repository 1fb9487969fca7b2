"""Quotes: who is reported as saying what.

A news article lets its sources speak in three ways. A **direct** quote gives
the speaker's own words between quotation marks; an **indirect** quote
reports them in the writer's words ("Watson said that ..."); a **mixed** quote
reports them indirectly but keeps a few of the speaker's own words in marks
(Kurilla's “a number of Kata’ib Hezbollah”). Each is held together by an
*attribution*: a speaker, a cue verb ("said", "told", "claimed", or the phrase
"according to") and sometimes a channel ("in a statement", "told al-Sumaria
television"). This module finds attributions with small, documented patterns,
in the spirit of the Gender Gap Tracker's rule-based quote extractor (Asr et
al. 2021, *PLOS ONE* 16(1): e0245533) and textacy's ``direct_quotations``, but
with no parser: only the kit's sentences, quotation-mark spans
(:mod:`kit.quotemarks`: double marks, and British single marks ‘…’ whose
edges stand at word edges, so apostrophes never count), entity mentions (:mod:`kit.entities`) and the word
lists in ``kit/data/quote_*.txt``.

How the extractor reads an article
----------------------------------
1. **Direct quotes.** For every span between quotation marks it looks for an
   attribution touching the marks, first after the closing mark, then before
   the opening one. The ``rule`` column names the pattern (``Q`` is the
   quotation, ``S`` the speaker, ``V`` the cue verb, ``C`` reported content):

   ``q_sv``
       ``“Q,” S V`` -- “These precision strikes ...,” Austin said.
   ``q_vs``
       ``“Q,” V S`` -- "We will rebuild," said Mayor Ana Ruiz.

       When words of the sentence stand before the opening mark ("Still, small
       ports are “only just breaking even,” she said"), the quotation finishes
       a sentence of the writer's: the row is **mixed**, its content from the
       sentence's start (unless those words give a label: "Tom Hale called it
       ‘a disaster’, he told the BBC" stays direct).
   ``sv_q``
       ``S V: “Q”`` or ``S V, “Q”``; short words between the cue and the comma
       only say when, where or to whom ("said Thursday on Twitter, “Q”",
       "told her supporters, “Q”"), and a participle after a comma takes the
       subject of its sentence ("..., saying, “Q”") or of the cue before it
       ("“A,” she said, adding, “B”"). ``S V that “Q”`` is reported speech
       that quotes: a **mixed** row whose content starts at "that" and runs
       to the end of the sentence when the writer's words go on after the
       mark ("that “Q” in America, including ..."). A sentence
       ending in ``S V:`` ("In a
       statement after the vote, the mayor said:") introduces the quotation
       that opens the next sentence or paragraph; the words before the
       speaker are then its channel, never a quote of their own.
   ``floating``
       A quotation that fills its sentence(s) with no attribution of its own
       inherits the speaker of the nearest quote before it, at most two
       paragraphs back (news style: the speaker is named once, then quoted
       again).
   ``joined``
       ``“A,” S V, and “B”`` or ``“A,” S V in an email, but “B”``: a second
       quotation joined by "and" or "but" to the closing attribution of its
       sentence is the next piece of the same statement (its
       ``continues_quote_id`` is the first piece); a few words between the
       conjunction and the mark ("..., and still “B”") make the piece **mixed**.

   A quotation that runs over several paragraphs (each paragraph opens with a
   mark, only the last closes it; ``rule == "continued"`` in
   ``article.quote_marks``) is one quote: ``+continued`` is added to its rule.
   A span between marks with no attribution and no quote before it to inherit
   from is a **scare quote** (the seed's “self-defense”): it is not a quote and
   is left out of this table (``article.quote_marks`` still has it).

2. **Indirect and mixed quotes.** In every sentence, each cue verb outside
   quotation marks and outside a statement already found is tried against:

   ``sv_c``
       ``S V (that) C`` -- Press TV sources said that one PMU member ...; with
       ``told``, the object is the channel (``S told <outlet or audience>
       that C``).
   ``c_sv``
       ``C, S V`` -- That attack wounded ..., US National Security Council
       spokesperson Adrienne Watson said in a separate statement.
   ``c_sv_c``
       ``C1, S V, C2`` -- The question of when to close the plant, she
       said, is not a simple one: the attribution stands inside the
       statement, whose content runs from the start of the clause to its
       end (a time or a channel before the speaker is not content).
   ``c_vs``
       ``C, V S`` -- Prices will rise, said the minister. A speaker of one
       word closes the sentence too ("..., said Ruiz."), and a time after it
       is not part of its name ("said Ana Ruiz on Monday.").
   ``according_to``
       ``according to S, C`` and ``C, according to S``; also ``As reported
       by S, C`` and ``C, as first reported by S``. A document named by
       its source ("according to port authority figures", "government data")
       is the source's word: the speaker is the port authority.
   ``called_q``
       ``S called O “Q”`` -- A Palestinian official called the strikes “a
       brutal massacre”; also ``described O as “Q”``, ``branded``,
       ``labelled``, ``dubbed``, ``termed``. The label in marks is the
       speaker's word, so the quote is **mixed** with the cue "called" (the
       content is the object and the label, and the rest of its clause: "called
       him a “liar” for insisting ..."; not a time or a short phrase after it). The
       object has one to six words
       and does not end in "a" or "the" ("called the barrier a “wall of hope”"
       labels in the writer's words; the marks there are a scare quote);
       "called for" and "called on" are other verbs. A label whose speaker is
       a pronoun with nothing before it to refer to stays a scare quote. "S
       called O “Q” and said C" is one statement.

   Cue verbs with other senses ("added", "noted", "asked": the ``that`` lines
   of ``quote_cue_verbs.txt``) count only before a that-clause or in a closing
   attribution. A time phrase may stand between the cue and its content
   ("announced in June that ...", "said on Monday it would ..."; a cue followed
   by a time phrase alone, "..., researchers reported on Wednesday", is a
   closing attribution). A closing attribution may end with a short phrase
   that starts with a preposition ("..., the company said in a regulatory
   filing"): the content is the clause before the speaker and the phrase is
   the channel. A cue right after "who" or "which" belongs to a
   relative clause ("a clerk who asked that her name not be used") and is
   skipped, unless a subject stands between them ("a wall, which he said
   Mexico would pay for"; "which an audit said was careless"). A subject
   the speaker rules do not know is kept as written rather than dropped
   ("The retired steel worker from the east side says", "Large majorities
   of voters said", "A poll conducted in May found"), when it holds no verb,
   clause word or pronoun and the cue is a verb wherever it stands ("said",
   "says", an ``-ed`` form, or any cue before "that"). A document ("the
   poll showed Trump leading", "Video of the meeting shows the owner
   leaving") reports without "that", whatever the length of its subject. A leading condition
   ("If the plant closes, Ruiz said ...") is part of the statement; a
   semicolon after the cue ends it. A cue form after a possessive or a
   count ("Clinton's tweet", "15 states") is a noun. A second cue after
   "and" ("praised the workers and said ...") starts a statement of its
   own. A sentence may hold two attributions ("..., according to police,
   while organisers said ..."): the content of the first stops before ", while
   S V", ", but S V" or ", whereas S V", and each gets its own row; also
   before ", and S V", "— and S V", "but S V" and "though S V" when the second cue reports a clause
   of its own ("..., and rights groups warned that ...", "though she noted
   taxes are ..."). Auxiliaries, negations and frequency words may stand
   between the subject and the cue ("did not say who ...", "would only say
   that", "could deny", "often said"), and a quantifier may be the subject
   ("Several said", "Many say"); a subject kept as written may hold a
   document noun ("A news report published Wednesday said") or a pronoun
   after a preposition ("Those close to him say"), and a coordinated cue
   takes the subject after an opening conjunction ("But the mayor visited
   the mill and said ..."). A quotation inside the sentence's opening
   phrase ("On CBS's “Face the Nation,” Ryan said the law failed") is a
   title, not the statement, when the cue goes on with a clause: the row is
   the ``sv_c`` after it. When the
   reported content holds a span between quotation marks, the quote is
   **mixed**.

   Questions, requests and speech acts: "asked the mayor how she felt"
   reports the question (from "how"), "asked the clerk to send the figures"
   the request with its object; "asked for help" and a passive ("was asked
   if") report nothing. "Pledged", "vowed", "promised" and "threatened"
   report "to V"; "noted", "acknowledged", "mentioned", "cited" and
   "denied" take a noun object ("noted the rise in crime"). A progressive
   cue ("is calling for", "was telling voters that") is a finite verb. The
   people a restrictive clause or a participle names speak ("Republicans
   who say the law failed", "those who said", "voters saying they want
   ...", one person, "an architect who said ...", and a share of people,
   "compared with four in 10 who said ...", which ends the statement
   before it), except "who asked". "X, who has publicly vowed ..." and "Trump
   mocked Ted Cruz, who said ..." take the name before "who" (also after a
   time phrase, "who in 2010 said", and after a dash, "Trump - who said ...
   -", where the content ends at the closing dash); "a lecture from the
   Mexican president, who said" takes the noun phrase after the last
   preposition, and "the Board of Elections, which ruled that ..." a name,
   an organisation or a document before "which". The content of a relative
   clause ends at a comma followed by the sentence's own subject and cue
   ("the report, which found C, the campaign disputed ..."); a cue after a
   comma, or after "but" ("refused to answer but said"), starts the next
   statement. A cue in title case ("Says") counts only in a headline, or
   in a first line written in title case (a headline ending with a full
   stop). "So says S" has the content "So" and the speaker after the cue; "C, records show" closes a statement when a document speaks; a
   short bracket between a name and its cue ("Sen. Ana Ruiz (D-Ohio)
   said") is skipped.

   ``s_ving_c``
       ``S V ..., V-ing C`` -- Trump attacked the plan, saying it would
       fail: a participle after a comma (saying, adding, telling, noting,
       ...) or after "by", "while", "after" ("ended the meeting by saying
       ...") reports the subject of the sentence, or the speaker of a
       statement just before it in the sentence ("“…,” Raman said, adding
       that ..."); it needs no "that" and ends the content of a statement
       before it. An adverb may stand before it (", even suggesting"), and a
       second participle after "and" ("..., greeting the staff and
       suggesting that ...") is a statement of its own.
   ``s_colon``
       ``NAME: C`` at the start of a paragraph -- transcripts (``MS.
       CLINTON: ...``), headlines (``Paul Ryan: FBI Decision ...``),
       round-ups (``Chris Cillizza, The Washington Post: "..."``); a label
       of ``quote_colon_labels.txt`` (UPDATE, Editor's note) is no speaker.
       The content runs to the end of the paragraph (:mod:`kit.quotes.colon`).
       A transcript quoted whole, each turn opening with a mark (``"PENCE:
       Well, ...``), gives one row per turn, its kind read as for any
       other turn.

   **Complements.** Some reporting verbs take no that-clause: what was said is
   the verb's object and what follows it (:mod:`kit.quotes.complements`, verbs
   and shapes in ``quote_complement_verbs.txt``). These rules run last, on cues
   and words no other rule took; the speaker is the verb's subject, found as for
   ``sv_c`` (also before an auxiliary: "would call", "is calling", "has
   called"), the subject of the sentence for an ``-ing`` form after a comma or
   "by" ("..., calling them rapists"), or the speaker of a statement just before
   when a comma or "and" joins the two verbs ("He suggested C, called her
   “third-rate”": the first statement ends at the comma).

   ``sv_label``
       ``S called O X`` -- The campaign called the charges unsubstantiated;
       Trump has called climate change a hoax; also ``branded``, ``labelled``,
       ``dubbed``, ``termed``. The content is the object and the label, to the
       end of the clause. The object is a pronoun, a name, a determiner and its
       noun, or a noun phrase before "a", "an" or "the", and may carry an
       appositive ("called Clinton, his rival, an ISIS “co-founder”"); "called a meeting",
       "called the police", "called Putin on Tuesday" and "a band called
       Sophistafunk" (a name given to a thing) are not labels. "What he calls
       corruption" has the content from "what".
   ``sv_o_as``
       ``S described O as X`` -- Democrats described the showdown as ominous;
       also ``characterized``, ``dismissed``, ``criticized`` ... ``as``.
   ``sv_o_to``
       ``S called on O to V`` -- Palmieri called on Trump to apologize;
       ``S asked O to V`` -- The ads ask the candidates to make ...; also
       ``warned O to V``: the request with its object.
   ``sv_o_wh``
       ``S asked O wh-C`` -- HuffPost asked the senator if he had ...: the
       question, from its wh-word.
   ``sv_o``
       ``S V O ...`` -- blamed the shootings on bias, demanded accountability,
       demanded that ..., described a rigged system, dismissed the criticism,
       warned of a recession, complained about the schedule: the object and
       the rest of the clause.
   ``asked_wh``
       ``Asked wh-C, S V ...`` -- Asked whether the mill would reopen, the
       mayor said no; also "S said ... when asked if C", "S was asked by O
       what C", "S was asked to V": the question put to someone, from its
       wh-word, "about" or "to", to the comma before the answer's subject
       (or the end of the clause). The asker is the name after "by"; when
       the text does not say who asked, the row has no speaker and the
       source type ``anonymous``. A quotation continued after the question
       ("“A,” she said when asked about it. “B.”") stays one statement.

   The content of a complement ends before the next statement of its sentence,
   a second verb of its subject ("... and boycotted one of the debates"), ", while
   S V" or "according to". A passive ("was called", "has been described as")
   reports no one's words as its subject's and is skipped.

   Real news also reports speech with verbs that take no "that" when a
   clause follows ("Ministers have insisted they ...", "he added some
   projects ...", "asked whether ..."), with speech acts whose object is the
   content ("criticized the accord", "called for an inquiry"), with an
   adverb, auxiliary or time phrase before the cue ("famously said", "has
   already warned", "this week said"), inside a subordinate clause ("after
   the Fed chairman said ...") and after a name and ", who" ("Jessica Leeds,
   who told the Times that ..."). A cue word after a determiner is a noun
   ("the states", "its report"); a capitalised cue ("Says") counts only in a
   headline. A source after "according to" that is no noun phrase the kit
   knows ("early results of exit polls conducted by ...") is kept as written:
   a statement is never dropped because its speaker is unknown.

   **One statement in several pieces.** ``“A,” she said. “B.”`` and ``“A,”
   she said, “B.”`` give one row per piece; ``continues_quote_id`` says which
   statement a piece continues (the first piece's ``quote_id``), so
   ``q[q["continues_quote_id"].isna()]`` counts each statement once.

3. **Speakers.** The words before a cue are split at commas; the speaker is
   the last part that reads as a noun phrase (a name, a pronoun, or a phrase
   headed by a noun of ``quote_speaker_nouns.txt``), skipping a channel ("in a
   statement published on its Telegram channel") and an appositive after a
   name ("General Michael Erik Kurilla, head of US Central Command
   (CENTCOM),"), which becomes the ``speaker_role``; a name may carry a
   lower-case modifier ("retired Gen. ..."), and an appositive that is a
   relative clause ("who now leads the ... movement") is never the speaker. An
   age between commas ("Jane Smith, 45, a nurse, said") is never the speaker
   either. A role before the name ("“Q,” the firm's chief executive, Ms. Ana
   Ruiz, said") is the role too.
   A speaker noun may carry a modifier after it, up to
   :data:`MAX_MODIFIED_WORDS` words: "Two people familiar with the plans", "A
   senior official who asked not to be named because ...", "Experts not
   involved in the study", "the state Department of Transportation". The
   speaker is linked to ``article.entities`` by span overlap; a title before a
   given name ("Local MP Gareth Lowe"), an age after the name ("Dolores Yazzie,
   72,") or a person's role in apposition ("Marta Kowalczyk, the union's general
   secretary": a ``person`` noun of ``quote_speaker_nouns.txt`` heads the role)
   makes a person whatever type the entity table guessed; when the entity table
   found only part of such a name, the name as written is the speaker's name.

   Next to a quotation and its cue, a description whose head noun no list
   holds is still the speaker ("“Q,” the businessman replied", "“Q,” a
   friend said", "said the former deckhand to Captain Ana Ruiz": the words
   from "of", "to", "at", ... on are the role); names inside such a
   description only modify it and do not name the speaker.

   A pronoun (he, she, they, it) or a definite role ("the spokesperson")
   takes the last compatible speaker before it (``+pronoun`` in the rule),
   unless a person who opens one of the three sentences before (same
   paragraph or the one before) stands nearer and is known to agree with a
   he or she ("Tom Hale arrived later. “We are glad,” he said."). A
   pronoun in a closing attribution takes first the subject of its own
   sentence, when a name opens the sentence before the quotation ("Opposition
   leader Tom Hale called it ‘a disaster’, he told the BBC"). Otherwise it
   looks back over earlier speakers: it
   an organisation, they anyone, he and she a person **whose gender agrees**.
   A speaker's gender comes from, in order: honorifics and gendered nouns in
   the speaker's words or entity title (Mr, Ms, Mrs, spokeswoman, chairman),
   pronouns already resolved to that speaker, and the first name in
   ``quote_given_name_genders.csv``; otherwise it is unknown and agrees with
   either pronoun. An anonymous speaker whose description gives a gender ("a
   bookkeeper who asked that her name not be used") can be the antecedent of
   a later "she". A definite description of an organisation ("the company",
   "the trust", "the charity's board") takes the last organisation before it,
   among earlier speakers first and then entity mentions, whose name holds the
   noun or a word that fits it (``quote_org_heads.txt``: a company's name
   "Foods", "Brands", "Inc"; a charity's "Fund", "Foundation"); a possessor
   ("the charity's") is tried first. ``+reference`` is added to the rule.

4. **Source types.** ``named``: a person named or resolved by a pronoun (or
   identified by an office or job title of ``entity_titles.txt``, such as "the
   foreign minister" or "his spokesman"; a person only described, "the retired
   steel worker", is ``anonymous``).
   ``organization``: an organisation, government or country speaking as one.
   ``anonymous``: an unnamed source ("a source", "officials", "a diplomat"),
   or any speaker described with a phrase from ``quote_anonymous.txt``
   ("speaking on condition of anonymity", "asked that her name not be used"),
   or a bare number word standing for one of a group ("One, a former clerk,
   said"), or a share of people ("Six in 10", "43 percent of voters"). ``own_sources``: the outlet's own
   unnamed sources ("Press TV sources", "our sources"), found by the outlet's
   name in ``article.metadata["outlet"]``.

Limits
------
Linear-time regular expressions over bounded windows (at most
:data:`WINDOW` characters around a cue), so no input can make the extractor
hang; a sentence longer than :data:`MAX_SENTENCE_CHARS`, a paragraph with more
than :data:`MAX_MARKS_PER_PARAGRAPH` quotation spans and an unclosed quotation
mark are skipped with a :class:`QuoteWarning`.

Examples
--------
>>> import kit
>>> article = kit.load_article()
>>> q = article.quotes
>>> q[["sentence_id", "kind", "speaker_name", "source_type", "cue"]].head(3)
   sentence_id      kind    speaker_name source_type   cue
0            3    direct    Lloyd Austin       named  said
1            4  indirect            <NA>   anonymous  told
2            5  indirect            <NA> own_sources  said

Extending the lexicon
---------------------
``quotes(article, extra_cues=...)`` takes more cue verbs, with the columns
of ``quote_cue_verbs.txt``: ``verb``, and optionally ``use`` (``any`` or
``that``). A statement found through one has a ``rule`` ending in
``+learner`` (see :mod:`kit.lexicons`).

The package
-----------
``limits`` (the bounds and the table's schema), ``words`` (word lists from
``kit/data/quote_*.txt`` and the small patterns built from them),
``speakers`` (noun phrases, speakers and channels around a cue), ``direct``
(quotations: ``q_sv``, ``q_vs``, ``sv_q``, ``called_q``, ``floating``),
``indirect`` (``sv_c``, ``c_sv``, ``c_vs``, ``according_to``, ``s_ving_c``),
``colon`` (``s_colon``), ``complements`` (``sv_label``, ``sv_o_as``,
``sv_o_to``, ``sv_o_wh``, ``sv_o``, ``asked_wh``), ``resolve``
(names, pronouns, genders and source types) and ``build`` (the table, and
:func:`quotes` for a learner's cue verbs).
"""

from __future__ import annotations

from kit.quotes.build import build_quotes, quotes
from kit.quotes.limits import (
    KINDS,
    MAX_MARKS_PER_PARAGRAPH,
    MAX_MODIFIED_WORDS,
    MAX_SENTENCE_CHARS,
    MAX_SPEAKER_WORDS,
    SOURCE_TYPES,
    WINDOW,
    QuoteWarning,
)

__all__ = [
    "KINDS",
    "MAX_MARKS_PER_PARAGRAPH",
    "MAX_MODIFIED_WORDS",
    "MAX_SENTENCE_CHARS",
    "MAX_SPEAKER_WORDS",
    "SOURCE_TYPES",
    "WINDOW",
    "QuoteWarning",
    "build_quotes",
    "quotes",
]
