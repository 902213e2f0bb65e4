"""Which text encoding a file from another program is in, when it does not say.

A byte-order mark says it; else the bytes are UTF-8 if they decode as UTF-8, or UTF-16 without
a mark if every other byte is zero. Otherwise the file is read in each likely code page and the
reading whose accented words look most like the names and words of the UK's communities wins
(cp1252, Windows Western, on a tie): a Western file with "Zoë" or "Siobhán" is not read as Baltic.
charset-normalizer is asked only when no code page reads well (Chinese, Japanese, Korean).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from functools import cache
from itertools import groupby

from organiser.core.errors import OrganiserError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
NUL_BYTES = (
    "This file contains NUL bytes (character 0), so it is not a plain CSV text file; it may be "
    "damaged or saved in another format. Save it again as CSV and import that."
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: every other byte of plain text is zero."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros):
            return encoding
    return None


# Single-byte code pages a file from a UK community group may be in, most likely first: the order
# settles ties (a short file often reads the same in several).
_CODE_PAGES = (
    "cp1252",  # Windows Western: Excel "CSV" on an English Windows
    "iso8859_15",
    "cp1250",  # Windows Central European: Polish, Czech, Slovak, Hungarian, Romanian, Croatian…
    "cp1254",  # Windows Turkish
    "cp1257",  # Windows Baltic: Lithuanian, Latvian, Estonian
    "mac_roman",  # Excel on an older Mac
    "cp1251",  # Windows Cyrillic: Ukrainian, Russian, Bulgarian…
    "cp1253",  # Windows Greek
)
# Multi-byte encodings charset-normalizer may find when no code page above reads as words.
_EAST_ASIAN = (
    "gb",
    "big5",
    "cp932",
    "cp936",
    "cp949",
    "cp950",
    "shift_jis",
    "euc_",
    "iso2022",
    "johab",
)
# Characters of Chinese, Japanese and Korean text by kind: (kind, first, last code point).
_CJK_KINDS = (
    ("han", 0x3400, 0x9FFF),
    ("han", 0xF900, 0xFAFF),
    ("han", 0x20000, 0x3FFFF),
    ("kana", 0x3040, 0x30FF),
    ("half kana", 0xFF61, 0xFF9F),
    ("hangul", 0xAC00, 0xD7A3),
    ("hangul", 0x1100, 0x11FF),
    ("hangul", 0x3130, 0x318F),
    ("mark", 0x3000, 0x303F),  # CJK punctuation
    ("mark", 0xFF00, 0xFF60),  # full-width forms
    ("mark", 0xFFE0, 0xFFEF),
    ("mark", 0x00A0, 0x00BF),  # ° · and the like
    ("mark", 0x2000, 0x27BF),  # punctuation, symbols, shapes, circled numbers
)
# The letters beyond A-Z of the languages a UK list holds (lower case). A name's letters all come
# from one language; a file's mostly from one group: Western European, or the languages of the
# code page it was written in.
_WESTERN = (
    "áéíóúàèìòùâêîôûŵŷëïöüÿçñ",  # English loan words, Irish, Scottish Gaelic, Welsh
    "àâæçéèêëîïôœùûüÿ",  # French
    "áéíóúüñ",  # Spanish
    "áâãàçéêíóôõúü",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "äöüß",  # German
    "åæøäöéü",  # Danish, Norwegian, Swedish, Finnish
)
_OTHERS = (
    "áðéíóúýþæö",  # Icelandic
    "ąćęłńóśźż",  # Polish
    "áäčďéěíĺľňóôŕřšťúůýž",  # Czech and Slovak
    "áéíóöőúüű",  # Hungarian
    "ăâîșțşţ",  # Romanian
    "čćđšž",  # Croatian, Bosnian, Serbian and Slovene
    "çë",  # Albanian
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äöõüšž",  # Estonian
    "çğıİöşü",  # Turkish
    "".join(map(chr, range(0x400, 0x530))),  # Cyrillic
    "".join(map(chr, range(0x370, 0x400))),  # Greek
)
_LANGUAGES = tuple(frozenset(letters) for letters in (*_WESTERN, *_OTHERS))
# Icelandic's ð and þ, rare here, are more often Baltic or Turkish letters read as Western.
_GROUPS = (frozenset("".join(_WESTERN)), *_LANGUAGES[len(_WESTERN) + 1 :])
_ANY_LANGUAGE = frozenset().union(*_LANGUAGES)
_IRISH_PREFIX = re.compile(r"\b[bdghmnt]")  # "na hÉireann", "i dTír": a capital after it
# Punctuation that opens a word, and that closes one (’ is also an apostrophe inside one).
_OPENING = set("‘“«‹„‚¿¡")
_CLOSING = set("’”»›…")
# Symbols that are ordinary on their own: prices, degrees, quotes, bullets.
_COMMON_SYMBOLS = set("£€$°–—‘’“”…•«»©®™½¼¾×±§¢¥·")
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff][A-Za-z0-9\x80-\xff]{0,40}")  # a long run in parts
_ALNUM = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_SAMPLE_WORDS = 20_000  # words with a non-ASCII byte to score, at most…
_SAMPLE_BYTES = 16_000  # …and different words' bytes: 0.1 s to score in every code page
_ONE_LETTER_WORDS = set("àÀèÈéÉóÓаАвВзЗиИіІйЙкКоОсСуУяЯηΗήοΟ")  # "à la", "Ó Briain", "в"
_VOWELS = set("аеиоуыэюяіїєёαεηιουωάέήίόύώϊϋΐΰ")  # of Cyrillic and Greek; Latin needs none


def _script(char: str) -> str:
    code = ord(char)
    return "Cyrillic" if 0x400 <= code < 0x530 else "Greek" if 0x370 <= code < 0x400 else "Latin"


def _lower(char: str) -> str:
    lower = char.lower()
    return lower if len(lower) == 1 else char  # "İ".lower() is two characters


def _words_with_non_ascii(data: bytes) -> Counter[bytes]:
    """A sample of the words (letters and digits) holding a byte above 127, and how often each
    occurs: enough to tell code pages apart, small enough to score quickly in each of them.
    """
    words: Counter[bytes] = Counter()
    size = 0
    for count, match in enumerate(_NON_ASCII_RUN.finditer(data)):
        start = match.start()
        before = data[max(0, start - 24) : start]
        word = before[len(before.rstrip(_ALNUM)) :] + match.group()
        if word not in words:
            size += len(word)
        words[word] += 1
        if count == _SAMPLE_WORDS or size > _SAMPLE_BYTES:
            break
    return words


def _context_score(text: str, letters: Counter[str], times: int) -> int:
    """How much one decoded word looks like a word; counts its non-ASCII letters into letters."""
    score = 0
    last = len(text) - 1
    for index, char in enumerate(text):
        if char < "\x80":
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index < last else " "
        if char.isalpha():
            letters[char] += times
            if (
                before.islower() and char.isupper() and not _IRISH_PREFIX.match(text, index - 1)
            ) or (char.islower() and after.isupper() and char != "ß"):
                score -= 5  # "ZoÎ", "RenŽe", "éRìc": a capital after a small letter
            script = _script(char)
            if (before.isalpha() and _script(before) != script) or (
                after.isalpha() and _script(after) != script
            ):
                score -= 6  # "Zoл": Latin and Cyrillic in one word
            if before.isdigit() or after.isdigit():
                score -= 2
        elif unicodedata.category(char) in ("Cc", "Co", "Cn"):
            score -= 10  # a control character: ISO 8859 reading Windows punctuation
        elif char.isspace() or char == "\xad":
            continue  # a no-break space, a soft hyphen
        elif char in _OPENING:
            if before.isalpha():
                score -= 4  # "Zo‘": Mac Roman's "ë" read as Windows Western
            elif after.isalpha():
                score += 2  # "“Naïve"
        elif char in _CLOSING:
            if before.isalpha():
                score += 2 if char == "’" or not after.isalpha() else -8  # "O’Brien", "…”"
            elif after.isalpha():
                score -= 4
        elif before.isalpha() and after.isalpha():
            score -= 0 if char in "–—·" else 8  # "Siobh·n", "Wi¶niewska"
        elif before.isalpha() or after.isalpha():
            score -= 0 if char in "–—°" else 4  # "£ucja", "gęśl¹", "20°C"
        else:
            score += 1 if char in _COMMON_SYMBOLS else -1  # "€5", "–" or "¤5"
    for is_word, chars in groupby(text, str.isalpha):
        if not is_word:
            continue
        word = "".join(chars)
        accented = {_lower(c) for c in word if c >= "\x80"}
        if not accented:
            continue
        if _lower(word[0]) == "ğ":
            score -= 5  # no Turkish word starts with it: Windows Baltic's "š" read as Turkish
        if len(word) == 1 and word not in _ONE_LETTER_WORDS:
            score -= 3  # "œ price", "Ω price": ISO 8859-15 or Mac Roman reading Windows' "½ price"
        elif _script(word[0]) != "Latin":
            if len(word) >= 5 and 6 * sum(_lower(c) in _VOWELS for c in word) < len(word):
                score -= 2 * len(word)  # "Рбрбдьрпхлпт": Greek read as Cyrillic
            if "ς" in word[:-1] or _lower(word[0]) in "ьъы":
                score -= 5  # a Greek end-of-word sigma inside a word; "ьтот"
        elif len(word) >= 4 and not any(c.isascii() for c in word):
            score -= 5 * len(word)  # "Îëåêñàíäð": Cyrillic read as Western letters
        elif len(accented) > 1 and not any(accented <= language for language in _LANGUAGES):
            score -= 4  # "Buğmundsdóttir": letters of two languages in one name
    return score * times


def _letter_score(letters: Counter[str]) -> tuple[int, frozenset[str]]:
    """Letters of the file's main language group score most, other languages' less, odd ones least.

    Also gives the main group.
    """
    counts: Counter[str] = Counter()
    for char, times in letters.items():
        counts[_lower(char)] += times
    main = max(_GROUPS, key=lambda group: sum(counts[c] for c in group & counts.keys()))
    score = 0
    for char, times in counts.items():
        # the main group's letters; another language's; "Ð", "ª", "µ" inside a name
        value = 3 if char in main else 1 if char in _ANY_LANGUAGE else -4
        score += value * times
    return score, main


def _score(words: Counter[bytes], codec: str) -> tuple[int, int, frozenset[str]]:
    """How much the words read in a code page look like words: the score, the part of it from
    where letters and symbols stand (below 0 if any looks wrong), and their main language group.
    """
    letters: Counter[str] = Counter()
    context = sum(_context_score(w.decode(codec), letters, n) for w, n in words.items())
    letter_score, main = _letter_score(letters)
    return context + letter_score, context, main


def detect_encoding(data: bytes) -> str:
    """The text encoding of a file's bytes (a codec name Python knows).

    A byte-order mark, else UTF-8 if the bytes are valid UTF-8, else UTF-16 without a mark, else
    the code page whose reading of the words with accented letters looks most like names and words:
    letters of one language (a UK list's Irish, Welsh, French… or a Polish or Lithuanian file's),
    no symbols or capitals inside words, no control characters. Windows Western wins a tie.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found:
            return found
        raise OrganiserError(NUL_BYTES)
    known: dict[int, bool] = {}  # whether the file holds a byte some code page lacks

    def holds(byte: int) -> bool:
        if byte not in known:
            known[byte] = bytes((byte,)) in data
        return known[byte]

    usable = [c for c in _CODE_PAGES if not any(map(holds, _undefined(c)))]  # mac_roman: all
    words = _words_with_non_ascii(data)
    scored = {codec: _score(words, codec) for codec in usable}
    best = max(usable, key=lambda codec: scored[codec][0])  # the first of equals: the likeliest
    score, context, main = scored[best]
    if score < 0 or (context < 0 and main in _GROUPS[-2:]):
        return _east_asian(data) or best  # Chinese or Japanese reads as odd Greek or Cyrillic
    return best


@cache
def _undefined(codec: str) -> tuple[int, ...]:
    """The bytes a code page has no character for."""
    undefined = []
    for byte in range(0x80, 0x100):
        try:
            bytes((byte,)).decode(codec)
        except UnicodeDecodeError:
            undefined.append(byte)
    return tuple(undefined)


def _east_asian(data: bytes) -> str | None:
    """Chinese, Japanese or Korean in a multi-byte encoding: the first of charset-normalizer's
    guesses whose reading is in that language's script.
    """
    from charset_normalizer import from_bytes  # loaded only for such a file, not at start-up

    for match in from_bytes(data):
        codec = str(match.encoding)
        if codec.startswith(_EAST_ASIAN) and _reads_as_east_asian(data, codec):
            return codec
    return None


def _cjk_kind(char: str) -> str:
    code = ord(char)
    for kind, low, high in _CJK_KINDS:
        if low <= code <= high:
            return kind
    return "other"


def _reads_as_east_asian(data: bytes, codec: str) -> bool:
    """Whether the bytes read in a codec as Chinese (Han characters), Japanese (kana and Han,
    hardly any half-width kana) or Korean (more Hangul than Han), with little else beyond ASCII.
    """
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    kinds = Counter(_cjk_kind(char) for char in text[:200_000] if char >= "\x80")
    han, kana, hangul, half = kinds["han"], kinds["kana"], kinds["hangul"], kinds["half kana"]
    if 10 * kinds["other"] > sum(kinds.values()):
        return False
    if codec.startswith(("cp949", "euc_kr", "johab", "iso2022_kr")):
        return hangul > han and not kana
    if codec.startswith(("cp932", "shift_jis", "euc_j", "iso2022_jp")):
        return not hangul and 10 * half <= han + kana
    return not (kana or hangul or half)
