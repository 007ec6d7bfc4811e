"""Raw article body -> cleaned text: boilerplate out, one paragraph per block.

Removed: site navigation and sharing lines, headlines repeated after their first showing,
author bios and photo credits. Each kept line becomes a paragraph; paragraphs are joined by
a blank line. All offsets in the database point into the text this returns.
"""

import re
import unicodedata
from dataclasses import dataclass, field

NAVIGATION = re.compile(
    r"^(skip to (main )?content|go to my account|my account|sign in|log ?in|log ?out|subscribe( now)?|"
    r"sign up|menu|search|home|share( this( article)?)?|share on \w+|tweet|email|print|"
    r"advertisement|sponsored( content)?|read more|related( articles| stories| posts)?|"
    r"previous( post)?( next( post)?)?|next( post)?|back to top|comments?|leave a (comment|reply)|"
    r"follow us( on \w+)?|newsletter|cookie (settings|policy)|accept( all)? cookies|"
    r"(facebook|twitter|x|linkedin|whatsapp|telegram|reddit|instagram)( ?[/|,] ?\w+)*)[.:!]?$",
    re.I,
)
PHOTO_CREDIT = re.compile(
    r"^((photo(graph)?|image|picture|illustration|video)s?( by|:| credit:?| courtesy( of)?)|"
    r"(credit|source):\s).{0,120}$|^.{0,80}/(getty images|afp|reuters|ap|epa|sputnik|tass|xinhua)\.?$",
    re.I,
)
BIO = re.compile(
    r"^(about the author\b.*|(hey|hi),? (guys|all|there|everyone)\b.*|"
    r"[A-Z][\w.'-]+( [A-Z][\w.'-]+){0,3} (is|was) (an?|the) ([\w-]+ ){0,4}"
    r"(fellow|writer|editor|journalist|correspondent|reporter|contributor|columnist|analyst|"
    r"researcher|professor|director|author|blogger)\b.*|"
    r".*\bI (am|'m) an? ([\w-]+ ){0,3}(writer|journalist|blogger|editor)\b.*)$"
)
BIO_MAX_WORDS = 60
BOLD = re.compile(r"(\*\*|__)(.+?)\1")
BOLD_LEAD = re.compile(r"^(\*\*|__)((?:\S+\s?){1,8}?)(?<!:)\1\s+(\S.*)$")  # not a "**Lund:**" label
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}
LINE_CHARS = str.maketrans({"\u00a0": " ", **{ch: None for ch in INVISIBLE}})


@dataclass
class Cleaned:
    """Cleaned text plus what cleaning learned: the headline line and a byline from a bio."""

    text: str
    headline: str | None = None
    bio_author: str | None = None
    removed: list[tuple[str, str]] = field(default_factory=list)


def normalise_line(line: str) -> str:
    """Strip invisible characters and edge whitespace; NBSP becomes a space."""
    return line.translate(LINE_CHARS).strip()


def strip_markdown(line: str) -> str:
    """Markdown markup that is not text: heading marks, emphasis, link targets."""
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
    return BOLD.sub(r"\2", line)


def is_bio(line: str, position_from_end: int) -> bool:
    """An author blurb: in the last few lines, short, and shaped like one."""
    return position_from_end < 3 and len(line.split()) <= BIO_MAX_WORDS and bool(BIO.match(line))


def bio_author(line: str) -> str | None:
    """'Mira Castell is a senior fellow at ...' -> 'Mira Castell'."""
    m = re.match(r"^([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}) (?:is|was) (?:an?|the) ", line)
    return m.group(1) if m else None


def clean(body: str, markdown: bool = False) -> Cleaned:
    """Raw body -> Cleaned: boilerplate lines removed, paragraphs joined by blank lines."""
    lines = [normalise_line(l) for l in body.split("\n")]
    # a bold lead-in ("**11:05 GMT** Lima said ...") is a heading on a line of its own
    lines = [part for l in lines for part in (BOLD_LEAD.sub(r"\1\2\1\n\3", l).split("\n"))]
    if markdown:
        lines = [strip_markdown(l) for l in lines]
    else:  # plain text pasted from a page often keeps bold marks ("**11:05** ..."): never words
        lines = [BOLD.sub(r"\2", l) for l in lines]
    lines = [l for l in lines if l]
    kept, removed, seen = [], [], set()
    author = None
    for i, line in enumerate(lines):
        key = unicodedata.normalize("NFKC", line).casefold()
        if NAVIGATION.match(line):
            removed.append(("navigation", line))
        elif PHOTO_CREDIT.match(line):
            removed.append(("photo credit", line))
        elif key in seen and len(line.split()) <= 30:
            removed.append(("repeated line", line))
        elif is_bio(line, len(lines) - 1 - i):
            removed.append(("author bio", line))
            author = author or bio_author(line)
        else:
            kept.append(line)
        seen.add(key)
    headline = kept[0] if kept and len(kept[0].split()) <= 30 and not kept[0].endswith(".") else None
    return Cleaned(text="\n\n".join(kept), headline=headline, bio_author=author, removed=removed)
