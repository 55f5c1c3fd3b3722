"""Lists in prose, the way UN documents write them."""

from collections.abc import Sequence
from dataclasses import dataclass

from plenary.rules.names import InText

# French elides "la" and "le" before these ("l'Assemblée", "l'Onzième").
_ELIDING = "aeiouyàâäéèêëîïôöùûüœæ"


def join(items: Sequence[str], *, serial_comma: bool = False) -> str:
    """ "A", "A and B", "A, B and C" (or "A, B, and C" with the serial comma)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    last = f", and {items[-1]}" if serial_comma else f" and {items[-1]}"
    return ", ".join(items[:-1]) + last


def spanish_and(following: str) -> str:
    """Spanish "and" before `following`: "e" before the sound /i/ written "i" or "hi"
    ("Francia e Israel", "e Italia"), else "y" ("y Hungría"; "y Hierro": "hie", "hia",
    "hio", "hiu" begin with a diphthong and take "y")."""
    start = following.strip().lower()
    if start.startswith("h"):
        start = start[1:]
        if start[:1] in "iíy" and start[1:2] in "aeoué":
            return "y"
    return "e" if start[:1] in ("i", "í") else "y"


# The first word of "A, B and C" in the languages the drafted documents write.
_AND = {"en": "and", "fr": "et", "es": "y"}


def join_in(items: Sequence[str], *, language: str, serial_comma: bool = False) -> str:
    """ "A, B and C" in `language`: "A, B et C", "A, B y C" ("e" before the sound /i/:
    "Francia e Israel"); English keeps its serial comma where asked. Another language
    joins as English does."""
    items = list(items)
    if language not in ("fr", "es") or len(items) <= 1:
        return join(items, serial_comma=serial_comma)
    word = spanish_and(items[-1]) if language == "es" else _AND[language]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


# Ordinals before a noun, by gender: "Deuxième Conférence", "Premier Sommet"; "Segunda
# Conferencia", "Primer Seminario" (Spanish shortens "primero" and "tercero" there).
_ORDINALS = {
    ("fr", "f"): (
        "Première", "Deuxième", "Troisième", "Quatrième", "Cinquième", "Sixième", "Septième",
        "Huitième", "Neuvième", "Dixième", "Onzième", "Douzième", "Treizième", "Quatorzième",
        "Quinzième",
    ),
    ("fr", "m"): (
        "Premier", "Deuxième", "Troisième", "Quatrième", "Cinquième", "Sixième", "Septième",
        "Huitième", "Neuvième", "Dixième", "Onzième", "Douzième", "Treizième", "Quatorzième",
        "Quinzième",
    ),
    ("es", "f"): (
        "Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava",
        "Novena", "Décima", "Undécima", "Duodécima", "Decimotercera", "Decimocuarta",
        "Decimoquinta",
    ),
    ("es", "m"): (
        "Primer", "Segundo", "Tercer", "Cuarto", "Quinto", "Sexto", "Séptimo", "Octavo",
        "Noveno", "Décimo", "Undécimo", "Duodécimo", "Decimotercer", "Decimocuarto",
        "Decimoquinto",
    ),
}  # fmt: skip
_ORDINAL_MARK = {("fr", "f"): "e", ("fr", "m"): "e", ("es", "f"): ".ª", ("es", "m"): ".º"}


def ordinal_in(number: int, *, language: str, gender: str = "f") -> str | None:
    """The ordinal of `number` before a noun of `gender` ("f", "m") in French or Spanish,
    capitalised as in a title ("Deuxième", "Segunda"); past fifteen, "16e", "16.ª". None
    for another language."""
    found = _ORDINALS.get((language, gender))
    if found is None:
        return None
    if 1 <= number <= len(found):
        return found[number - 1]
    return f"{number}{_ORDINAL_MARK[(language, gender)]}"


# Cardinals in words before a noun, by gender: "une séance", "una sesión", "un seminario".
_NUMBERS = {
    "fr": (
        "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
        "onze", "douze",
    ),
    "es": (
        "cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
        "diez", "once", "doce",
    ),
}  # fmt: skip


def number_in(number: int, *, language: str, gender: str = "f") -> str | None:
    """`number` in words before a noun of `gender` in French or Spanish ("neuf", "une",
    "una"; figures past twelve); None for another language."""
    found = _NUMBERS.get(language)
    if found is None:
        return None
    if not 0 <= number < len(found):
        return str(number)
    if number == 1 and gender == "f":
        return "une" if language == "fr" else "una"
    return found[number]


# The nouns that head the titles of meetings in French and Spanish, with their gender and
# number: a sentence that names a meeting by its title takes its article and agreement
# from them ("la Deuxième Conférence d'examen s'est tenue", "les Réunions intersessions se
# sont tenues", "le Séminaire s'est tenu"; "el Seminario", "las Reuniones").
_HEADS = {
    "fr": {
        "conférence": "f", "assemblée": "f", "réunion": "f", "session": "f", "séance": "f",
        "consultation": "f", "sommet": "m", "séminaire": "m", "atelier": "m", "forum": "m",
        "congrès": "m", "comité": "m", "groupe": "m", "dialogue": "m",
    },
    "es": {
        "conferencia": "f", "asamblea": "f", "reunión": "f", "sesión": "f", "consulta": "f",
        "cumbre": "f", "seminario": "m", "taller": "m", "foro": "m", "congreso": "m",
        "comité": "m", "grupo": "m", "diálogo": "m",
    },
}  # fmt: skip
_PLURALS = {
    "fr": {"conférences": "conférence", "assemblées": "assemblée", "réunions": "réunion",
           "sessions": "session", "séances": "séance", "consultations": "consultation",
           "ateliers": "atelier", "séminaires": "séminaire"},
    "es": {"conferencias": "conferencia", "asambleas": "asamblea", "reuniones": "reunión",
           "sesiones": "sesión", "consultas": "consulta", "talleres": "taller",
           "seminarios": "seminario"},
}  # fmt: skip


@dataclass(frozen=True)
class TitleInText:
    """A meeting's title in running French or Spanish: its article and the agreement of
    the participle that follows it (`e`: "e", "", "es", "s"; Spanish "a", "o", "as",
    "os"), from the noun that heads it."""

    text: str
    language: str
    feminine: bool
    plural: bool

    @property
    def _named(self) -> InText:
        if self.language == "fr":
            if self.plural:
                article = "les"
            # "la onzième": French does not elide before "onze".
            elif self.text[:1].lower() in _ELIDING and not self.text.lower().startswith("onz"):
                article = "l'"
            else:
                article = "la" if self.feminine else "le"
        else:
            article = (
                ("las" if self.feminine else "los")
                if self.plural
                else ("la" if self.feminine else "el")
            )
        return InText(self.language, self.text, article, self.text)

    @property
    def the(self) -> str:
        """ "la Deuxième Conférence d'examen", "l'Assemblée", "el Seminario"."""
        return self._named.with_article

    @property
    def of(self) -> str:
        """ "de la Conférence", "du Séminaire", "des Réunions"; "del Seminario"."""
        return self._named.with_de

    @property
    def to(self) -> str:
        """ "à la Conférence", "au Séminaire"; "a la Conferencia", "al Seminario"."""
        return self._named.with_a

    @property
    def e(self) -> str:
        if self.language == "fr":
            return ("e" if self.feminine else "") + ("s" if self.plural else "")
        return ("a" if self.feminine else "o") + ("s" if self.plural else "")


def title_in_text(title: str, *, language: str, known: bool = True) -> TitleInText:
    """`title` in running French or Spanish, its gender and number those of the first of
    its first three words that is a noun heading meetings' titles ("Deuxième
    *Conférence* d'examen"). A title whose head is not known, or that is not in the
    language (`known` False: another language's words stand in), takes the gender of the
    nouns the kinds of meetings are called in both languages: Conférence d'examen,
    Assemblée (Reunión) des États parties, Réunion préparatoire, all feminine singular."""
    feminine, plural = True, False
    if known:
        heads, plurals = _HEADS.get(language, {}), _PLURALS.get(language, {})
        for word in title.replace("'", " ").replace("\u2019", " ").split()[:3]:
            word = word.lower()
            if word in plurals:
                feminine, plural = heads[plurals[word]] == "f", True
                break
            if word in heads:
                feminine = heads[word] == "f"
                break
    return TitleInText(title, language, feminine, plural)
