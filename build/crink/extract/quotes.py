"""Quotes: spans in quotation marks and reported speech, attributed to a speaker.

1. `quote_spans` pairs quotation marks in plain text (curly and straight, double and single,
   nested, and multi-paragraph quotes that reopen without closing).
2. `attribute` finds the reporting cue and its speaker in the parse: the subject of a
   reporting verb governing the quote (before or after it, inverted or not), "according to
   X", a colon-introduced quote's subject (or a transcript's "Lund:" label), a pronoun or
   description resolved to the last fitting actor, or the speaker of the quote chain a
   paragraph continues (or of the paragraph leading into it). A quote nested in a quotation
   is framed by the words of that quotation.
3. Short quoted phrases with no speaker in their sentence are terms, not quotes.
4. `indirect_quotes` finds reported speech without marks: a named speaker, a reporting verb
   and a clausal complement (also where the parser hangs it elsewhere: "said in a statement
   that ...", "Lima, she added, would ...").
"""

import re
from collections import Counter
from dataclasses import dataclass, replace

from crink.extract.actors import ActorResult
from crink.extract.reference import SPEECH_NOUNS, Resolver, actor_type, reported_clause, subject_of
from crink.nlp import Parsed, offset
from crink.registry import Registry

OPENERS = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "„": "“"}
CUE_LEMMAS = {
    "say", "tell", "add", "note", "remark", "explain", "claim", "state", "warn", "write", "insist", "stress",
    "emphasize", "emphasise", "urge", "describe", "characterize", "characterise", "call", "declare", "announce",
    "argue", "suggest", "ask", "reply", "respond", "comment", "continue", "conclude", "acknowledge", "admit",
    "caution", "observe", "tweet", "post", "praise", "commend", "decry", "reaffirm", "express", "pledge", "vow",
    "accuse", "condemn", "label", "term", "portray", "dub", "deny", "predict", "complain", "recall", "quip",
    "assert", "contend", "maintain", "confirm", "clarify", "reiterate", "agree", "hail", "welcome", "laud",
    "criticize", "criticise", "denounce", "slam", "blast", "dismiss", "thank", "promise", "demand", "report",
    "estimate", "believe", "stress", "underline", "underscore", "point", "mention", "announce", "answer",
    "lament", "boast", "concede", "threaten", "oppose", "support", "put", "read", "show", "release", "publish",
    "repeat", "assure", "greet",
}
SPEECH_LEMMAS = {"say", "tell", "add", "write", "state", "declare", "announce", "remark", "explain", "note", "warn",
                 "insist", "stress", "claim", "argue", "reply", "respond", "comment", "call", "describe"}
INDIRECT_LEMMAS = {
    "say", "tell", "add", "note", "remark", "explain", "claim", "state", "warn", "write", "insist", "stress",
    "emphasize", "emphasise", "argue", "suggest", "reply", "respond", "comment", "conclude", "acknowledge",
    "admit", "caution", "observe", "assert", "contend", "maintain", "confirm", "clarify", "reiterate",
    "announce", "predict", "complain", "believe", "estimate", "report", "point", "declare", "deny", "repeat",
    "assure",
}
# the writer infers what someone thinks ("evidently concluded", "must believe"): no reported speech
INFERENCE_MARKERS = {"evidently", "apparently", "presumably", "seemingly", "probably", "perhaps", "likely", "must"}
SHORT_QUOTE_WORDS = 4  # a quoted phrase this short needs a speaker in its sentence to be a quote
# ...and is a term, not a quote, when it is a name ("Operation Blue Harbour") or a label that a
# verb of naming introduces ("described as a new 'smart corridor'", "dubbed").
TITLE_LINKS = {"of", "the", "and", "for", "in", "on", "a", "to"}
LABELLED = re.compile(r"\b(?:describ(?:e|es|ed|ing)|bill(?:s|ed|ing)?|known|styl(?:e|es|ed|ing)|characteri[sz](?:e|es|ed|ing)|"
                      r"portray(?:s|ed|ing)?|label(?:s|l?ed|l?ing)?|brand(?:s|ed|ing)?|tout(?:s|ed|ing)?|cast(?:s|ing)?)"
                      r"\s+(?:\w+\s+){0,3}?as\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:\w+\s+)?$|"
                      r"\b(?:notion|concept|idea|definition|version)\s+of\s+(?:(?:a|an|the)\s+)?$|"
                      r"\b(?:word|term|phrase|slogan|motto|label)s?\s+$|"
                      r"\b(?:dubbed|so-called|termed|nicknamed|branded|titled)\s+(?:(?:a|an|the)\s+)?$|"
                      r"\bmean[ts]?\s+by\s+(?:(?:a|an|the)\s+)?$|\bmeaning\s+of\s+(?:(?:a|an|the)\s+)?$", re.I)


@dataclass
class QuoteSpan:
    """Quoted words between marks: content_start..content_end excludes marks and trailing , or ."""

    open_pos: int
    close_pos: int | None  # None when the paragraph ends before the mark closes
    content_start: int
    content_end: int
    chain: int  # quotes in one multi-paragraph quotation share a chain number
    inside: tuple[int, int] | None = None  # the quotation a nested quote stands in: (open, end)


@dataclass
class Attribution:
    speaker_id: str | None
    speaker_text: str | None
    cue: str | None
    method: str
    confidence: float
    speaker_start: int | None = None


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect | term
    speaker_id: str | None
    speaker_text: str | None
    cue: str | None
    sentence_start: int
    sentence_end: int
    method: str
    confidence: float


def _is_opening_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-“\"") and (after.isalnum() or after in "“\"")


def _is_closing_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _find_close(text: str, start: int, end: int, opener: str) -> int | None:
    """Position of the mark closing `opener` at `start`, within [start+1, end)."""
    closer = OPENERS[opener]
    i = start + 1
    while i < end:
        ch = text[i]
        if opener in "'‘":
            if ch == closer and _is_closing_single(text, i):
                return i
        elif ch == closer or (opener == '"' and ch == "”") or (opener == "“" and ch == '"' and _is_closing_double(text, i)):
            return i
        elif ch in "“\"" and opener in "“\"" and ch != closer:
            pass
        i += 1
    return None


def _is_closing_double(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in ",." and not text[start:end].endswith("..."):
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quote_spans(text: str) -> list[QuoteSpan]:
    """Pair quotation marks paragraph by paragraph; nested quotes stay inside the outer one."""
    spans: list[QuoteSpan] = []
    chain = 0
    pos = 0
    open_chain = None  # chain number of a quote left open at the end of the last paragraph
    for para in text.split("\n\n"):
        p_start, p_end = pos, pos + len(para)
        pos = p_end + 2
        continuing = open_chain is not None and para[:1] in "“\"'‘«„"
        i = p_start
        this_open_chain = None
        while i < p_end:
            ch = text[i]
            if ch in "“\"«„" or (ch in "‘'" and _is_opening_single(text, i)):
                close = _find_close(text, i, p_end, ch)
                if close is None and ch in "‘'":
                    i += 1
                    continue
                if i == p_start and continuing:
                    number = open_chain
                else:
                    chain += 1
                    number = chain
                c_start, c_end = _content_bounds(text, i + 1, close if close is not None else p_end)
                if c_end > c_start:
                    spans.append(QuoteSpan(i, close, c_start, c_end, number))
                    if ch in "“\"«„":
                        for inner in _nested_spans(text, i, close if close is not None else p_end):
                            chain += 1
                            spans.append(replace(inner, chain=chain))
                if close is None:
                    this_open_chain = number
                    break
                i = close + 1
                continue
            i += 1
        open_chain = this_open_chain
    return spans


def _nested_spans(text: str, open_pos: int, end: int) -> list[QuoteSpan]:
    """Single-quoted words inside a double-quoted quotation: 'Lund told me, ‘We will stay.’'"""
    found, i = [], open_pos + 1
    while i < end:
        if text[i] in "‘'" and _is_opening_single(text, i):
            close = _find_close(text, i, end, text[i])
            if close is not None:
                c_start, c_end = _content_bounds(text, i + 1, close)
                if c_end > c_start:
                    found.append(QuoteSpan(i, close, c_start, c_end, 0, inside=(open_pos, end + 1)))
                i = close
        i += 1
    return found


# --- attribution -------------------------------------------------------------------------------



def _phrase_bounds(subject) -> tuple[int, int]:
    """The subject phrase: its subtree, cut before an appositive or relative clause."""
    tokens = [t for t in subject.subtree]
    cut = [t for t in subject.children if t.dep_ in ("appos", "relcl", "acl") or (t.dep_ == "punct" and t.i > subject.i)]
    if cut:
        first_cut = min(c.left_edge.i for c in cut)
        tokens = [t for t in tokens if t.i < first_cut]
    tokens = [t for t in tokens if not t.is_punct] or [subject]
    return offset(tokens[0]), offset(tokens[-1]) + len(tokens[-1].text)


def _according_to(tokens):
    for t in tokens:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            to = t.doc[t.i + 1]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return t, pobj
    return None


def according_to_speaker(according, pobj, skip_start: int, skip_end: int, resolver: "Resolver"):
    """'X told Y that ..., according to a readout by Z': the person whose words the readout
    reports (the subject of a clause above 'according', outside [skip_start, skip_end)), else
    the source itself or its author ('a readout published by Z'). -> (id, method, conf, start, end)"""
    candidates = []
    for head in according.ancestors:
        subject = subject_of(head)
        if subject is not None and not (skip_start <= offset(subject) < skip_end) \
                and head.lemma_.lower() in CUE_LEMMAS:  # a speech act the source reports, not any clause
            candidates.append((head.lemma_.lower() not in SPEECH_LEMMAS, len(candidates), subject))
    # "He told Y that China opposed X, according to ...": the telling is reported, China's stance is its content
    candidates = [subject for _, _, subject in sorted(candidates)]
    candidates.append(pobj)
    candidates += [t for t in pobj.subtree if t.dep_ == "pobj" and t.head.dep_ == "agent"]
    first_try = None
    for target in candidates:
        s, e = _phrase_bounds(target)
        actor_id, method, conf = resolver.resolve(target, s, e)
        first_try = first_try or (actor_id, method, conf, s, e)
        if actor_id:
            return actor_id, method, conf, s, e
    return first_try


def attribute(span: QuoteSpan, parsed: Parsed, resolver: Resolver, quote_ranges) -> tuple[Attribution, object]:
    """Speaker and cue for one quoted span, from the sentences it stands in."""
    first = parsed.sentence_at(span.open_pos) or parsed.sentence_at(span.content_start)
    last_pos = span.close_pos if span.close_pos is not None else span.content_end - 1
    last = parsed.sentence_at(last_pos) or first
    if first is None:
        return Attribution(None, None, None, "none", 0.0), None
    sentences = [s for s in parsed.sentences if first.start <= s.start <= last.start]
    # sentences entirely inside the quote do not frame it; the one after may ("..." she said.)
    frame_tokens = []
    for s in sentences:
        frame_tokens += [t for t in s.span if not any(qs <= offset(t) < qe for qs, qe in quote_ranges)
                         and not (span.open_pos <= offset(t) <= (span.close_pos or span.content_end))
                         and (span.inside is None or span.inside[0] < offset(t) < span.inside[1])]
    nxt_index = parsed.sentence_index(last.start)
    if nxt_index is not None and nxt_index + 1 < len(parsed.sentences):
        following = parsed.sentences[nxt_index + 1]
        closes_sentence = span.close_pos is not None and not parsed.text[span.close_pos + 1:last.end].strip(" .")
        if closes_sentence and following.paragraph == last.paragraph and len(following.span) <= 8:
            if any(t.lemma_ in ("say", "tell", "add") for t in following.span):
                frame_tokens += list(following.span)

    acc = _according_to(frame_tokens)
    if acc:
        according, pobj = acc
        actor_id, method, conf, s, e = according_to_speaker(according, pobj, span.content_start, span.content_end,
                                                            resolver)
        return Attribution(actor_id, parsed.text[s:e], "according to", f"according-to/{method}", conf, s), first

    cues = [t for t in frame_tokens if t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX")]
    quote_tokens = [t for s in sentences for t in s.span if span.content_start <= offset(t) < span.content_end]
    quote_ids = {t.i for t in quote_tokens}

    def governs(cue):
        return any(cue in t.ancestors for t in quote_tokens) or any(c.i in quote_ids for c in cue.children)

    cues.sort(key=lambda c: (not governs(c), c.lemma_.lower() not in SPEECH_LEMMAS, abs(offset(c) - span.content_start)))
    unresolved = None
    for cue in cues:
        subject = subject_of(cue)
        if subject is None or span.content_start <= offset(subject) < span.content_end:
            continue
        s, e = _phrase_bounds(subject)
        actor_id, method, conf = resolver.resolve(subject, s, e)
        attribution = Attribution(actor_id, parsed.text[s:e], cue.text, f"cue/{method}", conf, s)
        if actor_id:
            return attribution, first
        unresolved = unresolved or attribution  # a nearer cue's subject may be 'the aim'; try the others
    if unresolved:
        return unresolved, first

    # the quote holds the verb; its subject stands just before the opening mark (Putin "reaffirmed ...")
    for t in quote_tokens:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "ccomp", "advcl"):
            subject = subject_of(t)
            if subject is not None and offset(subject) < span.content_start and subject.i not in quote_ids:
                s, e = _phrase_bounds(subject)
                actor_id, method, conf = resolver.resolve(subject, s, e)
                if actor_id:
                    return Attribution(actor_id, parsed.text[s:e], t.text, f"subject/{method}", conf * 0.95, s), first

    # colon-introduced: "The ministry was blunt: ..."
    before = parsed.text[first.start:span.open_pos].rstrip()
    if before.endswith(":"):
        root = _intro_root(first, span.open_pos)
        subject = subject_of(root) if root is not None else None
        if subject is None and root is not None and root.pos_ in ("PROPN", "NOUN") \
                and not any(t.pos_ in ("VERB", "AUX") for t in first.span if offset(t) < span.open_pos):
            subject = root  # a transcript's speaker label: "Lund: ..."
        if subject is not None and offset(subject) < span.open_pos:
            s, e = _phrase_bounds(subject)
            actor_id, method, conf = resolver.resolve(subject, s, e)
            return Attribution(actor_id, parsed.text[s:e], root.text, f"colon/{method}", conf * 0.9, s), first

    # "His advice to Ankara is to keep talking 'without illusions'": the owner of a speech noun speaks
    for noun in (t for t in frame_tokens if t.dep_ == "nsubj" and t.lemma_.lower() in SPEECH_NOUNS):
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and offset(owner) < span.open_pos:
            s, e = _phrase_bounds(noun)
            actor_id, method, conf = resolver.resolve(noun, s, e)
            if actor_id:
                return Attribution(actor_id, parsed.text[s:e], noun.text, f"speech-noun/{method}", conf * 0.85, s), first

    return Attribution(None, None, None, "none", 0.0), first


def _intro_root(sentence, open_pos: int):
    """The head of the words before a colon-introduced quote (the parser may hang them on a verb
    inside the quote): the first intro token whose head lies outside the intro."""
    intro = [t for t in sentence.span if offset(t) < open_pos and not t.is_punct]
    ids = {t.i for t in intro}
    heads = [t for t in intro if t.head.i not in ids or t.head == t]
    return next((t for t in heads if t.pos_ in ("VERB", "AUX")), heads[0] if heads else None)


def _whole_sentence(span: QuoteSpan, text: str, sentence) -> bool:
    """The marks hold a sentence of its own, however short ('"Russia will veto."'): it opens the
    sentence with a capital, ends it with a full stop inside the marks, and has a verb."""
    if sentence is None or span.close_pos is None or text[sentence.start:span.open_pos].strip():
        return False
    inside = text[span.content_start:span.close_pos].rstrip()
    return inside[:1].isupper() and inside.endswith((".", "!", "?")) \
        and not text[span.close_pos + 1:sentence.end].strip(" .") \
        and any(t.pos_ in ("VERB", "AUX") for t in sentence.span)


def _kind(span: QuoteSpan, text: str, sentence_start: int) -> str:
    """direct: the marks hold a statement standing on its own; partial: words inside the writer's sentence."""
    lead = text[sentence_start:span.open_pos].rstrip()
    content = text[span.content_start:span.content_end]
    stands_alone = lead == "" or lead.endswith((":", ",", "—", "–")) or lead.endswith(("said", "says", "added"))
    starts_upper = content[:1].isupper() or content[:1] in "“\"'‘"
    return "direct" if stands_alone and starts_upper else "partial"


def extract_quotes(parsed: Parsed, actors: ActorResult, registry: Registry):
    """(quotes, terms) from marked quotations, plus reported speech without marks."""
    text = parsed.text
    spans = quote_spans(text)
    quote_ranges = [(s.open_pos, (s.close_pos + 1) if s.close_pos is not None else s.content_end) for s in spans
                    if s.inside is None]
    resolver = Resolver(parsed, actors, registry, quote_ranges)
    quotes, terms = [], []
    chain_speaker: dict[int, Attribution] = {}
    pending = []
    for span in spans:
        framing = [r for r in quote_ranges if span.inside is None or r[0] != span.inside[0]]
        attribution, sentence = attribute(span, parsed, resolver, framing)
        if attribution.cue:
            chain_speaker.setdefault(span.chain, attribution)
        pending.append((span, attribution, sentence))
    chain_sizes = Counter(span.chain for span in spans)
    last_attributed = None
    for span, attribution, sentence in pending:
        content = text[span.content_start:span.content_end]
        words = len(content.split())
        # a quote left open at a paragraph's end runs on into the next: a statement, never a term
        runs_on = chain_sizes[span.chain] > 1
        if not attribution.cue and span.chain in chain_speaker:
            inherited = chain_speaker[span.chain]
            attribution = Attribution(inherited.speaker_id, inherited.speaker_text, inherited.cue,
                                      "chain", inherited.confidence * 0.9)
        if not attribution.cue and runs_on and _paragraph_is_quote_only(text, span):
            lead_in = _lead_in_speaker(span, parsed, resolver)
            if lead_in is not None:
                chain_speaker[span.chain] = attribution = lead_in
        if not attribution.cue and (words > SHORT_QUOTE_WORDS or runs_on or _whole_sentence(span, text, sentence)) \
                and last_attributed is not None:
            prev_span, prev_attr = last_attributed
            gap = text[(prev_span.close_pos or prev_span.content_end):span.open_pos]
            if "\n\n" not in gap or gap.count("\n\n") == 1 and _paragraph_is_quote_only(text, span):
                attribution = Attribution(prev_attr.speaker_id, prev_attr.speaker_text, prev_attr.cue,
                                          "continuation", prev_attr.confidence * 0.7)
        s_start = sentence.start if sentence else span.open_pos
        s_end = sentence.end if sentence else span.content_end
        if span.close_pos is not None:
            close_sentence = parsed.sentence_at(span.close_pos)
            s_end = max(s_end, close_sentence.end if close_sentence else s_end)
        title_case = all(w[:1].isupper() or w.lower() in TITLE_LINKS for w in content.split()) \
            and content[:1].isupper()
        # a label names something ("a new 'axis'"); a judgement ("as 'legitimate'") is a named speaker's words
        labelled = LABELLED.search(text[max(0, span.open_pos - 40):span.open_pos]) \
            and (_names_a_thing(span, parsed) or not attribution.speaker_id)
        earlier = [q for q in quotes if not q.start <= span.content_start < q.end]  # not the one it stands in
        echoed = _echo_of(content, earlier) if not attribution.speaker_id and words >= 2 and not title_case \
            and not labelled else None
        if echoed is not None:  # "hardly 'a shared harbour of trust'": words of an earlier quote, quoted again
            attribution = Attribution(echoed.speaker_id, echoed.speaker_text, echoed.cue, "echo",
                                      echoed.confidence * 0.8)
        elif words <= SHORT_QUOTE_WORDS and not runs_on and (not attribution.cue or title_case or labelled):
            category = "title" if title_case else "term"
            terms.append(dict(start=span.content_start, end=span.content_end, text=content, category=category))
            continue
        kind = _kind(span, text, s_start)
        quotes.append(Quote(span.content_start, span.content_end, content, kind, attribution.speaker_id,
                            attribution.speaker_text, attribution.cue, s_start, s_end,
                            f"marks/{attribution.method}", round(attribution.confidence, 2)))
        if attribution.cue and span.inside is None:
            last_attributed = (span, attribution)
    quotes += indirect_quotes(parsed, resolver, quote_ranges)
    quotes.sort(key=lambda q: q.start)
    return quotes, terms


def _names_a_thing(span: QuoteSpan, parsed: Parsed) -> bool:
    """The last quoted word is a noun."""
    last = parsed.token_at(span.content_end - 1)
    return last is None or last.pos_ in ("NOUN", "PROPN")


def _echo_of(content: str, earlier: list):
    """The earlier attributed quote whose words a quoted phrase repeats, or None."""
    words = " ".join(re.findall(r"\w+", content.lower()))
    for quote in reversed(earlier):
        if quote.speaker_id and words and f" {words} " in " " + " ".join(re.findall(r"\w+", quote.text.lower())) + " ":
            return quote
    return None


LEAD_IN_LEMMAS = CUE_LEMMAS | {"speak", "speech", "message", "argument", "remark", "address", "toast", "interview",
                               "statement", "letter", "case", "view"}


def _lead_in_speaker(span: QuoteSpan, parsed: Parsed, resolver: Resolver) -> Attribution | None:
    """A multi-paragraph quote that opens a paragraph with no attribution anywhere in it: the
    person the previous paragraph's last sentence has speaking ("Lund spoke for an hour, and
    his case was simple." / "Lund put it this way:"), if it names one."""
    index = parsed.sentence_index(span.open_pos)
    if not index:
        return None
    lead = parsed.sentences[index - 1]
    if parsed.text[lead.start:lead.end].count('"') % 2 or any(ch in parsed.text[lead.start:lead.end] for ch in "“”"):
        return None  # the lead-in holds quotes of its own: their speaker decides
    if not any(t.lemma_.lower() in LEAD_IN_LEMMAS for t in lead.span):
        return None
    subject = subject_of(lead.span.root)
    if subject is None:
        return None
    s, e = _phrase_bounds(subject)
    actor_id, method, conf = resolver.resolve(subject, s, e)
    if actor_id is None or actor_type(actor_id, resolver.actors, resolver.registry) != "person":
        return None
    return Attribution(actor_id, parsed.text[s:e], None, f"lead-in/{method}", conf * 0.6, s)


def _paragraph_is_quote_only(text: str, span: QuoteSpan) -> bool:
    para_start = text.rfind("\n\n", 0, span.open_pos) + 2 if "\n\n" in text[:span.open_pos] else 0
    return span.open_pos == para_start


def _words_outside(text: str, start: int, end: int, quote_ranges) -> int:
    return sum(1 for m in re.finditer(r"\w+", text[start:end])
               if not any(qs <= start + m.start() < qe for qs, qe in quote_ranges))


def _trim_clause(text: str, start: int, end: int, quote_ranges=()) -> tuple[int, int]:
    """Drop a leading 'that' and edge punctuation; keep the closing mark of a quote opened inside."""
    if text[start:start + 5].lower() == "that ":
        start += 5
    while end > start and text[end - 1] in ".,;: ":
        end -= 1
    while start < end and text[start] in ",; ":
        start += 1
    for qs, qe in quote_ranges:
        if start <= qs < end < qe:
            end = qe
    return start, end


def _trailing_clauses(verb, comp) -> list:
    """Tokens of clauses the parser hangs on the reporting verb after its reported clause but
    that belong to it: "said X, though Y", "said X, but that Y", "said X before Y". A further
    reporting verb ("..., adding that Y") reports its own clause."""
    if comp.i < verb.i:
        return []
    extra = []
    for child in verb.children:
        if child.i <= comp.right_edge.i:
            continue
        marked = any(m.dep_ == "mark" for m in child.children)
        if child.dep_ in ("advcl", "conj") and marked and child.lemma_.lower() not in CUE_LEMMAS:
            extra += list(child.subtree)
    return sorted(extra, key=lambda t: t.i)


def _is_parenthetical(verb) -> bool:
    """A reporting verb set off by commas inside the clause it reports: "Lima, she added, would ..."."""
    if verb.dep_ != "parataxis" or verb.head.pos_ not in ("VERB", "AUX") or verb.i > verb.head.i:
        return False
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    opened = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
    closed = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
    return opened and closed


def indirect_quotes(parsed: Parsed, resolver: Resolver, quote_ranges) -> list[Quote]:
    """Reported speech: a named speaker, a reporting verb and a clausal complement, before the
    verb or after it ('..., the Kremlin said in a statement'), or a clause 'according to' a
    named source. Quoted words inside the clause stay (they are also partial quotes)."""
    text = parsed.text
    found = []
    for sentence in parsed.sentences:
        in_sentence = []
        for verb in sentence.span:
            if verb.lemma_.lower() not in INDIRECT_LEMMAS or verb.pos_ not in ("VERB",):
                continue
            if verb.lemma_.lower() == "point" and not any(c.lower_ == "out" for c in verb.children):
                continue
            if any(c.lower_ in INFERENCE_MARKERS for c in verb.children if c.dep_ in ("advmod", "aux")):
                continue  # "the minister evidently concluded that ...": the writer's inference, not speech
            if any(c.dep_ == "neg" for c in verb.children):
                continue  # "did not say how much was involved": nothing was said
            comp = reported_clause(verb)
            subject = subject_of(verb)
            parenthetical = comp is None and _is_parenthetical(verb)
            if parenthetical:  # "Lima, she added, would object": the clause is the verb's head
                comp = verb.head
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if comp is None or subject is None:
                continue
            if comp.lemma_.lower() in INDIRECT_LEMMAS and any(c.dep_ == "ccomp" for c in comp.children):
                continue  # "the ministry said Li had told them that ...": Li's words are the quote
            tokens = list(comp.subtree) + _trailing_clauses(verb, comp)
            c_start, c_end = _trim_clause(text, offset(tokens[0]), offset(tokens[-1]) + len(tokens[-1].text),
                                          quote_ranges)
            if c_start < offset(verb) and not (c_end <= offset(subject) < offset(verb)) and not parenthetical:
                continue  # inverted only as '<clause>, <speaker> said'
            if _words_outside(text, c_start, c_end, quote_ranges) < 2:
                continue  # the words are quoted: the marks rule covers them
            s, e = _phrase_bounds(subject)
            actor_id, method, conf = resolver.resolve(subject, s, e)
            if actor_id is None and method != "joint":  # joint speakers: a quote no single one of them owns
                continue
            in_sentence.append(Quote(c_start, c_end, text[c_start:c_end], "indirect", actor_id, text[s:e], verb.text,
                                     sentence.start, sentence.end, f"indirect/{method}", round(conf * 0.9, 2)))
        acc = _according_to(sentence.span)
        if acc and not in_sentence:
            according, pobj = acc
            a_start = offset(according)
            a_end = max(offset(t) + len(t.text) for t in pobj.subtree)
            if text[sentence.start:a_start].strip(" ,") and not text[a_end:sentence.end].strip(" .,\"”’"):
                c_start, c_end = _trim_clause(text, sentence.start, a_start, quote_ranges)
            elif not text[sentence.start:a_start].strip(" ,"):
                c_start, c_end = _trim_clause(text, a_end, sentence.end, quote_ranges)
            else:
                c_start = c_end = 0
            if _words_outside(text, c_start, c_end, quote_ranges) >= 3:
                actor_id, method, conf, s, e = according_to_speaker(according, pobj, c_end, c_end, resolver)
                if actor_id and not _only_speaker_outside(sentence, c_start, c_end, quote_ranges, actor_id, resolver):
                    in_sentence.append(Quote(c_start, c_end, text[c_start:c_end], "indirect", actor_id, text[s:e],
                                             "according to", sentence.start, sentence.end,
                                             f"indirect/according-to/{method}", round(conf * 0.85, 2)))
        found += in_sentence
    return found


def _only_speaker_outside(sentence, start: int, end: int, quote_ranges, speaker_id: str, resolver: Resolver) -> bool:
    """'The Chinese leader "commended ...", according to a readout', 'Putin called the relationship
    "an example of ..."': the only words outside the marks name the speaker (and the verb of
    saying and what it is about), so the clause reports nothing the partial quote does not."""
    outside = [t for t in sentence.span if start <= offset(t) < end and not t.is_punct
               and not any(qs <= offset(t) < qe for qs, qe in quote_ranges)]
    subject = next((t for t in outside if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    allowed = set(subject.subtree)
    verb = subject.head
    if verb.lemma_.lower() in CUE_LEMMAS:  # "called the relationship": the speech act itself
        allowed |= {verb} | {t for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
    if any(t not in allowed for t in outside):
        return False
    s, e = _phrase_bounds(subject)
    return resolver.resolve(subject, s, e)[0] == speaker_id
