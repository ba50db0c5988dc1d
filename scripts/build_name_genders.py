"""Rebuild reader/analysis/data/name_genders.tsv: the usual gender of common given names.

A pronoun ("she said") is resolved only to a person whose given name does not say otherwise;
this table is where "otherwise" comes from. Census part: every name of given_names.txt found in
the 1990 US Census first-name files (dist.male.first / dist.female.first, as shipped in the
`names` 0.3.0 package; public domain), marked m or f when its frequency among one sex is at
least RATIO times its frequency among the other. Names the Census lists do not settle stay out
(a pronoun may then go to them either way). Hand part: world-news names the Census lacks.

usage: python scripts/build_name_genders.py CENSUS_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "reader" / "analysis" / "data"
RATIO = 10.0

HAND = {
    "m": """Recep Tayyip Olaf Vladimir Sergei Sergey Dmitry Alexei Aleksandr Yevgeny Nikolai Mikhail
    Volodymyr Petro Viktor Jens Matteo Silvio Jair Luiz Inacio Hernan Evo Narendra Rahul Imran Nawaz
    Shehbaz Yair Naftali Binyamin Thabo Uhuru Raila Abiy Yoweri Muhammadu Emmerson Joko Prabowo
    Francois Gérald Friedrich Helmut Gerhard Wolfgang Shinzo Fumio Yoshihide Junichiro Naoto Rishi
    Keir Sadiq Jagmeet Mitt Newt Elon Sundar Satya Luca Giorgio Ignazio Beppe Enrico Yuri Karim
    Rashid Nasser Walid Ziad Bashar Mohammed Muhammad Mohamed Ahmed Ali Hassan Hussein Omar Abdul
    Emmanuel Jacques Pierre Jean-Claude Hans Jürgen Klaus Boris Ivan Igor Xavier Pedro Carlos José
    Jose Juan Luis Miguel Diego Javier Alejandro Sergio Andrés Pablo Giuseppe Marco Paolo""".split(),
    "f": """Giorgia Jacinda Benazir Francoise Marine Annalena Kamala Nicola Stefania Alia Angela Ursula
    Theresa Priti Nadia Fatima Aisha Ayesha Sonia Indira Yulia Svetlana Olga Natalia Irina Ana
    Maria María Sofia Giulia Chiara Francesca Ségolène Christine Marine Anne-Marie Mariam""".split(),
}


def census(path: Path) -> dict[str, float]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            table[parts[0].capitalize()] = float(parts[1])
    return table


def main(census_dir: str) -> None:
    male = census(Path(census_dir) / "dist.male.first")
    female = census(Path(census_dir) / "dist.female.first")
    given = [
        line.strip()
        for line in (DATA / "given_names.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    genders: dict[str, str] = {}
    for name in given:
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m and m >= RATIO * f:
            genders[name] = "m"
        elif f and f >= RATIO * m:
            genders[name] = "f"
    for gender, names in HAND.items():
        for name in names:
            genders.setdefault(name, gender)
    lines = [
        "# The usual gender of common given names: m or f (built by scripts/build_name_genders.py;",
        "# see SOURCES.md). A name missing here says nothing about its bearer.",
    ]
    lines += [f"{name}\t{gender}" for name, gender in sorted(genders.items())]
    (DATA / "name_genders.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(genders)} names")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
