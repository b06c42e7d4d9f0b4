"""Feed posts rendered once per drill: text in the post's language, labels in every reader's."""

import pytest

from app.drills.posts import reach, render_post, sim_time
from app.storm.types import Author, Post
from tests.plans.html import by_id, find_all

AUTHOR = Author("Nina Press", "@ninapress", "journalist", 25_400, True)


def post(**overrides) -> Post:
    fields = {"id": "p-1", "at_ms": 95_000, "author": AUTHOR, "text": "Who <b>knew</b>?",
              "language": "fr", "sentiment": "negative", "kind": "post"}  # fmt: skip
    return Post(**{**fields, **overrides})


def test_a_post_carries_its_filters_and_its_language():
    html = render_post(post(rumour="r-1", reply_to="act-3"))
    article = by_id(html, "post-p-1")
    assert article.get("class") == "post sentiment-negative" and article.get("lang") == "fr"
    assert (article.get("data-persona"), article.get("data-high-reach")) == ("journalist", "1")
    assert (article.get("data-rumour"), article.get("data-to-us")) == ("r-1", "1")
    assert "T+01:35" in article.text
    assert "&lt;b&gt;knew" in html and 'src="/avatars/ninapress.svg"' in html


@pytest.mark.parametrize("drill_language", ["en", "fr"])
def test_the_words_around_a_post_come_in_every_language_each_marked_for_its_page(drill_language):
    html = render_post(post(rumour="r-1", reply_to="act-3", language=drill_language))
    badge = find_all(html, "span", class_="badge persona persona-journalist")[0]
    assert "Journalist" in badge.text and "Journaliste" in badge.text
    english = [s.text for s in find_all(html, "span", class_="ui-en")]
    french = [s.text for s in find_all(html, "span", class_="ui-fr")]
    assert {"Journalist", "Rumour", "Replying to us"} <= set(english)
    assert {"Journaliste", "Rumeur", "En réponse à nous"} <= set(french)
    assert all(s.get("lang") == "fr" for s in find_all(html, "span", class_="ui-fr"))


def test_an_inject_post_is_answered_as_the_inject():
    html = render_post(post(id="i-foodie", inject="foodie", language="en"))
    assert 'data-reply-to="foodie"' in html and "Inject" in html


@pytest.mark.parametrize(
    ("followers", "shown"), [(950, "950"), (12_345, "12.3k"), (1_200_000, "1.2M")]
)
def test_reach_is_compact(followers, shown):
    assert reach(followers) == shown


def test_sim_time_counts_minutes_past_the_hour():
    assert sim_time(3725.9) == "T+62:05"


def test_avatars_are_served_and_cached(client):
    answer = client.get("/avatars/ninapress.svg")
    assert answer.status_code == 200 and answer.text.startswith("<svg")
    assert answer.headers["content-type"] == "image/svg+xml"
    assert "max-age" in answer.headers["cache-control"]
