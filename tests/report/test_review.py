"""The after-action review of whole games: every section, priority and delegation; valid,
self-contained HTML with its charts inline; the same sections in Markdown."""

import re
from collections import Counter
from html import escape
from html.parser import HTMLParser

from game.report.hotwash import stage_of
from game.report.review import (
    SECTION_IDS,
    build_review,
    review_html,
    review_markdown,
    write_markdown,
    write_review,
)

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TagChecker(HTMLParser):
    """Records unbalanced tags, section ids, headings and tag counts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.counts: Counter = Counter()
        self.section_ids: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.h2: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        self.counts[tag] += 1
        self.attrs += [(tag, k, v or "") for k, v in attrs]
        if tag == "section":
            self.section_ids.append(dict(attrs).get("id"))
        if tag == "h2":
            self._in_h2 = True
            self.h2.append("")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.counts[tag] += 1
        self.attrs += [(tag, k, v or "") for k, v in attrs]

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self._in_h2:
            self.h2[-1] += data


def check_html(html: str) -> TagChecker:
    checker = TagChecker()
    checker.feed(html)
    checker.close()
    assert not checker.problems, checker.problems[:5]
    assert not checker.stack, f"unclosed: {checker.stack[-5:]}"
    return checker


def assert_self_contained(checker: TagChecker, html: str) -> None:
    assert checker.counts["script"] == 0 and checker.counts["link"] == 0 and checker.counts["img"] == 0
    assert checker.counts["iframe"] == 0 and checker.counts["object"] == 0
    for tag, key, value in checker.attrs:
        if key in ("src", "srcset", "xlink:href") or (key == "href" and tag != "a"):
            assert not re.match(r"\s*(https?:)?//", value), f"<{tag} {key}={value}> loads a remote resource"
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?(https?:)?//", html)


def test_review_holds_every_section_priority_and_delegation(games):
    assert {"paris-2026", "tutorial"} <= set(games)  # and any golden games under tests/golden/
    for game in games.values():
        check_review(game)


def check_review(game):
    html = review_html(game)
    checker = check_html(html)
    assert checker.section_ids == list(SECTION_IDS)
    for priority in game.scenario.priorities:
        assert escape(priority.name) in html
    for delegate in game.scenario.delegates:
        assert escape(delegate.name) in html
        assert escape(" ".join(delegate.confidential_brief.split())) in " ".join(html.split())
        for objective in delegate.objectives:
            assert escape(objective.description) in html
    for question in game.scenario.meta.debrief_questions:
        assert escape(stage_of(question)[1]) in html
    figures = build_review(game).all_figures()
    assert {f.key for f in figures} >= {"progress", "tracks"}
    assert checker.counts["svg"] == len(figures) == html.count('<svg class="chart"')
    assert_self_contained(checker, html)


def test_review_shows_the_outcome_and_compares_with_reality(games):
    game = games["paris-2026"]
    html = review_html(game)
    result = game.result()
    assert f"badge b-{result['outcome']}" in html
    outcome = html[html.index('id="outcome"'):html.index('id="rounds"')]
    assert outcome.count('class="badge b-') == 1 + len(result["priorities"])
    reality = html[html.index('id="reality"'):html.index('id="timeline"')]
    reference = game.scenario.reference_outcome
    for ref in reference.priorities.values():
        assert escape(ref.note) in reality
    for question in reference.open_questions:
        assert escape(question) in reality


def test_timeline_has_a_group_per_round_and_the_events_narrative(games):
    game = games["paris-2026"]
    html = review_html(game)
    timeline = html[html.index('id="timeline"'):]
    for r in range(1, game.result()["rounds_played"] + 1):
        assert f"<h3>Round {r}</h3>" in timeline
    for entry in game.view("facilitator").log:
        if entry.kind == "EventDrawn":
            assert escape(entry.text) in timeline
    assert "private to" in timeline  # the opened archive shows offers that were private


def test_debrief_questions_run_as_a_hotwash(games):
    for game in games.values():
        html = review_html(game)
        debrief = html[html.index('id="debrief"'):html.index('id="outcome"')]
        positions = [debrief.index(title) for title in ("1. Reactions", "2. What happened", "3. Why", "4. Lessons")]
        assert positions == sorted(positions)


def test_markdown_has_the_same_sections_as_the_page(games):
    for game in games.values():
        checker = check_html(review_html(game))
        markdown = review_markdown(game)
        headings = re.findall(r"^## (.+)$", markdown, re.MULTILINE)
        assert headings[0] == "Contents"
        assert headings[1:] == [h.strip() for h in checker.h2]
        for priority in game.scenario.priorities:
            assert priority.name in markdown


def test_write_review_and_markdown_files(games, tmp_path):
    game = games["tutorial"]
    page = write_review(game, tmp_path / "out" / "review.html")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    text_path = write_markdown(game, tmp_path / "write-up.md")
    text = text_path.read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert links and all((tmp_path / link).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for link in links)


def test_the_same_game_gives_the_same_page(games):
    game = games["tutorial"]
    assert review_html(game) == review_html(game)
