"""Render one card of each Dushu template through the real Anki backend, light and night, and screenshot them.

    python benchmarks/anki_cards.py [--text resources/sample/sample.txt] [--html build/cards]
                                    [--shots docs/cards] [--no-shots]

The text (the bundled sample by default) becomes a deck with `dushu deck`, the deck is imported into
a fresh Anki collection, and for every note type and template one card is rendered by Anki itself
(`card.question()`, `card.answer()`: Anki's template engine, cloze filter and the deck's CSS). Each
side is written as an HTML page that any browser opens: `<body class="card card1">`, with Anki's
night-mode classes `nightMode night_mode` added for the night pages, as Anki's reviewer does;
`index.html` links them all. The cards picked show what goes wrong most easily: the Sentence card
of a word that also stands inside a longer word of its sentence, the longest reading, a fact whose
clause is highlighted in its sentence.

With Chromium on the PATH (Debian's `chromium` package) it also saves screenshots: for each
template, front and back in both themes at phone width (390 px), and the answer side in both
themes at desktop width (900 px). Without the `anki` package or Chromium it says so and skips that
part (exit 0).
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _shared import REPO, dushu

PHONE_WIDTH = 390
DESKTOP_WIDTH = 900
GAP = 12  # pixels between the pictures of one sheet
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@dataclass(frozen=True)
class RenderedCard:
    """One card as Anki renders it: the note type and template, and both sides as HTML with style."""

    model: str
    template: str
    ordinal: int
    question: str
    answer: str
    why: str  # why this card was picked

    @property
    def slug(self) -> str:
        """A file name stem: "vocabulary-sentence", "fact-event-date"."""
        name = f"{self.model.removeprefix('Dushu ')}-{self.template}"
        return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("→", "to")).strip("-")


def page(card: RenderedCard, side: str, *, night: bool) -> str:
    """A standalone HTML page for one side, laid out as Anki's reviewer lays out a card."""
    classes = f"card card{card.ordinal + 1}" + (" nightMode night_mode" if night else "")
    body = card.question if side == "front" else card.answer
    title = html.escape(f"{card.model} · {card.template} · {side} · {'night' if night else 'light'}")
    return (
        '<!doctype html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title></head>\n"
        f'<body class="{classes}"><div id="qa">{body}</div></body></html>\n'
    )


def _field(note: Any, name: str) -> str:
    return str(note[name]) if name in note else ""


def _choose(col: Any, card_ids: Sequence[int], template: str) -> tuple[int, str]:
    """The card of this template that best shows what the learner sees (id, why)."""
    notes = {cid: col.get_card(cid).note() for cid in card_ids}
    rules: dict[str, tuple[Callable[[Any], float], str]] = {
        "Sentence": (
            lambda n: 'class="hl-in"' in _field(n, "Example"),
            "its word also stands inside a longer word of the sentence",
        ),
        "Recognition": (
            lambda n: len(re.findall("tone", _field(n, "Pinyin"))) + 10 * ("'" in _field(n, "Pinyin")),
            "a long reading, with an apostrophe where there is one",
        ),
        "Recall": (
            lambda n: any(ch.isupper() for ch in re.sub("<[^>]+>", "", _field(n, "Pinyin"))),
            "a proper noun (a capital in its pinyin)",
        ),
        "Question → Answer": (
            lambda n: (
                'class="fact"' in _field(n, "Source sentence") and "fact-date" not in _field(n, "Question")
            ),
            "a fact whose clause is highlighted in its sentence",
        ),
    }
    score, why = rules.get(template, (lambda n: 0.0, "the first card"))
    best = max(card_ids, key=lambda cid: (float(score(notes[cid])), -card_ids.index(cid)))
    return best, why if score(notes[best]) else "the first card"


def render_cards(apkg: Path, scratch: Path) -> list[RenderedCard] | None:
    """One rendered card per template of every Dushu note type, or None without the anki package."""
    try:
        from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    except ImportError:
        return None
    col = Collection(str(scratch / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=False)
        )
        col.import_anki_package(request)
        col.models._clear_cache()  # the Python side caches note types across backend changes
        cards: list[RenderedCard] = []
        for entry in sorted(col.models.all_names_and_ids(), key=lambda e: e.name):
            if not entry.name.startswith("Dushu"):
                continue
            model = col.models.get(entry.id)
            by_ordinal: dict[int, list[int]] = {}
            for cid in col.find_cards(f"mid:{entry.id}"):
                by_ordinal.setdefault(col.get_card(cid).ord, []).append(cid)
            for ordinal, ids in sorted(by_ordinal.items()):
                name = model["tmpls"][ordinal]["name"] if model["type"] == 0 else model["tmpls"][0]["name"]
                if model["type"] != 0 and ordinal > 0:
                    continue  # a cloze note type has one template; c2, c3 … look like c1
                best, why = _choose(col, sorted(ids), name)
                card = col.get_card(best)
                cards.append(RenderedCard(entry.name, name, ordinal, card.question(), card.answer(), why))
        return cards
    finally:
        col.close()


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def _screenshot(browser: str, html_file: Path, png: Path, width: int, height: int) -> bool:
    """Chromium's headless screenshot of `html_file` in a window `width` × `height`."""
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--force-device-scale-factor=1", f"--window-size={width},{height}", f"--screenshot={png}",
        html_file.resolve().as_uri(),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, timeout=120, check=False)
    return done.returncode == 0 and png.exists()


def _sheet(pictures: Sequence[Path], out: Path) -> None:
    """The pictures side by side, each cut below its last drawn row, on a neutral strip."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = [_cropped(QImage(str(p))) for p in pictures]
    width = sum(i.width() for i in images) + GAP * (len(images) + 1)
    height = max(i.height() for i in images) + 2 * GAP
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#9a968c"))
    painter = QPainter(sheet)
    x = GAP
    for image in images:
        painter.drawImage(x, GAP, image)
        x += image.width() + GAP
    painter.end()
    sheet.save(str(out), "PNG")


def _cropped(image: Any) -> Any:
    """The image without the empty background below the card (the window is taller than the card)."""
    background = image.pixel(image.width() - 1, image.height() - 1)
    last = 0
    for y in range(image.height() - 1, -1, -1):
        if any(image.pixel(x, y) != background for x in range(0, image.width(), 2)):
            last = y
            break
    return image.copy(0, 0, image.width(), min(image.height(), last + 24))


def main(argv: list[str] | None = None) -> int:
    """Write the pages and screenshots and print where they are."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--text", type=Path, default=REPO / "resources" / "sample" / "sample.txt")
    parser.add_argument("--html", type=Path, default=REPO / "build" / "cards")
    parser.add_argument("--shots", type=Path, default=REPO / "docs" / "cards")
    parser.add_argument("--no-shots", action="store_true", help="write the HTML pages only")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="dushu-cards-") as tmp:
        scratch = Path(tmp)
        apkg = scratch / "deck.apkg"
        dushu("deck", str(args.text), "-o", str(apkg), stdout=scratch / "deck.log")
        cards = render_cards(apkg, scratch)
    if cards is None:
        print("skipped: the anki package is not installed (pip install anki, or the test extra)")
        return 0

    args.html.mkdir(parents=True, exist_ok=True)
    links: list[str] = []
    for card in cards:
        print(f"{card.model} · {card.template}: {card.why}")
        row = []
        for side in ("front", "back"):
            for night in (False, True):
                name = f"{card.slug}-{side}-{'night' if night else 'light'}.html"
                (args.html / name).write_text(page(card, side, night=night), encoding="utf-8")
                row.append(f'<a href="{name}">{side} {"night" if night else "light"}</a>')
        links.append(f"<li>{html.escape(card.model)} · {html.escape(card.template)}: {' · '.join(row)}</li>")
    index = (
        '<!doctype html>\n<html><head><meta charset="utf-8"><title>Dushu cards</title></head><body>'
        f"<h1>Dushu cards, rendered by Anki</h1><ul>{''.join(links)}</ul></body></html>\n"
    )
    (args.html / "index.html").write_text(index, encoding="utf-8")
    print(f"{len(cards)} cards, {4 * len(cards)} pages: {args.html / 'index.html'}")

    if args.no_shots:
        return 0
    browser = _browser()
    if browser is None:
        print("screenshots: skipped (no Chromium on the PATH; on Debian: apt-get install chromium)")
        return 0
    try:
        import PySide6.QtGui  # noqa: F401  (the sheets are put together with Qt's image classes)
    except ImportError:
        print("screenshots: skipped (PySide6 is not installed)")
        return 0
    args.shots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dushu-shots-") as tmp:
        raw = Path(tmp)
        for card in cards:
            phone: list[Path] = []
            for night in (False, True):
                for side in ("front", "back"):
                    source = args.html / f"{card.slug}-{side}-{'night' if night else 'light'}.html"
                    png = raw / f"{source.stem}-phone.png"
                    if not _screenshot(browser, source, png, PHONE_WIDTH, 1600):
                        print(f"screenshots: skipped ({browser} could not render {source.name})")
                        return 0
                    phone.append(png)
            desktop = []
            for night in (False, True):
                source = args.html / f"{card.slug}-back-{'night' if night else 'light'}.html"
                png = raw / f"{source.stem}-desktop.png"
                if not _screenshot(browser, source, png, DESKTOP_WIDTH, 1200):
                    print(f"screenshots: skipped ({browser} could not render {source.name})")
                    return 0
                desktop.append(png)
            _sheet(phone, args.shots / f"phone-{card.slug}.png")
            _sheet(desktop, args.shots / f"desktop-{card.slug}.png")
            print(f"  {args.shots / f'phone-{card.slug}.png'}, {args.shots / f'desktop-{card.slug}.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
