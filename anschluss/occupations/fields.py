"""Which KAoA occupational field a training occupation belongs to.

The NRW Fachklassen catalogue names a Berufskolleg field for about half of the occupations; we translate that
field into KAoA's 16. For the rest (field "OH", none or "XX") we look for words in the name, most specific first.
An occupation that matches nothing stays without a field rather than getting a wrong one.
"""

import re

# NRW Berufskolleg field (Fachklassen "berufsfeld") -> KAoA field key.
NRW_FIELD_TO_KAOA = {
    "MT": "M",  # Metalltechnik
    "FT": "M",  # Fahrzeugtechnik (Kfz-Mechatronik)
    "BT": "BAV",  # Bautechnik
    "FR": "BAV",  # Farbtechnik und Raumgestaltung (Maler, Raumausstatter)
    "ET": "EL",  # Elektrotechnik
    "WV": "WIVE",  # Wirtschaft und Verwaltung
    "AW": "LANAUM",  # Agrarwirtschaft
    "CP": "N",  # Chemie, Physik, Biologie (Laborberufe)
    "EH": "D",  # Ernährung und Hauswirtschaft (Bäcker, Koch, Hotel)
    "KP": "D",  # Körperpflege (Friseur)
    "HT": "PRFE",  # Holztechnik
    "TB": "PRFE",  # Textiltechnik und Bekleidung
    "DT": "ME",  # Drucktechnik
    "GH": "G",  # Gesundheit
    "TC": "TEC",  # Technik (Hörakustik)
}

# Words in an occupation's name -> KAoA field key, checked in this order.
NAME_RULES: list[tuple[str, str]] = [
    (r"informatik|it-|daten|digitalisierung|e-commerce", "ITC"),
    (r"elektr|mechatronik", "EL"),
    (r"medizin|zahn|pflege|pharma|augenoptik|hörakustik|orthopäd|tiermedizin|sport- und fitness", "G"),
    (r"erzieh|sozial|kinder|heilerzieh", "SP"),
    (r"kauf|bank|versicherung|steuer|verwaltung|büro|personal|notar|rechtsanwalt|immobilien", "WIVE"),
    (r"logistik|lager|fahrer|schiff|eisenbahn|luftverkehr|post|kurier|spedition|verkehr|hafen", "VL"),
    (r"medien|druck|mediengestalt|film|fotograf|veranstaltung|buchbind", "ME"),
    (r"gestalt|design|gold|silber|edelstein|glas|keramik|instrument|geigen|orgel|musik|bühne|maler", "KKG"),
    (r"labor|chemi|physik|biolog|werkstoffprüf", "N"),
    (r"gärtner|land|forst|tier|pferd|fisch|winzer|agrar|milch|umwelt|abwasser|kreislauf", "LANAUM"),
    (r"bau|maurer|zimmer|dach|fliesen|beton|straßen|gleis|brunnen|asphalt|vermess|bohrist|stukkateur", "BAV"),
    (r"metall|mechanik|maschin|schweiß|werkzeug|anlagen|kraftfahrzeug|zerspan|konstruktion|fahrzeug", "M"),
    (
        r"koch|köchin|bäcker|konditor|fleischer|hotel|gastro|restaurant|friseur|kosmetik|reinigung|hauswirt",
        "D",
    ),
    (
        r"produktion|verfahren|fertigung|textil|holz|papier|kunststoff|tischler|polster|schuh|bergbau|berg- und",
        "PRFE",
    ),
    (r"technik|techniker|technolog|technisch", "TEC"),
]
_COMPILED = [(re.compile(pattern, re.IGNORECASE), key) for pattern, key in NAME_RULES]


def kaoa_field_for(name: str, nrw_field: str) -> str | None:
    """The KAoA field key for an occupation, or None when neither its NRW field nor its name tell."""
    if nrw_field in NRW_FIELD_TO_KAOA:
        return NRW_FIELD_TO_KAOA[nrw_field]
    for pattern, key in _COMPILED:
        if pattern.search(name):
            return key
    return None
