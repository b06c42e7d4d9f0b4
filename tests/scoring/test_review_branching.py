"""The review says why a conditional inject fired, on the page and in its cached timeline."""

from app.drills import service
from app.drills.clock import ClockEventKind
from tests.drills.helpers import at, make_team
from tests.factories import sign_in
from tests.plans.html import find_all


def test_the_review_says_why_the_conditional_inject_fired(client, session, factory):
    team = make_team(session, factory, scenario_id="product-recall")
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start, now=at(0))
    # ten times real speed: ended at T+20:00, after the silent team's T+15 check
    service.control(session=session, drill=team.drill, kind=ClockEventKind.end, now=at(120))
    sign_in(client, team.trainer)
    page = client.get(f"/drills/{team.drill.id}/review")
    assert page.status_code == 200
    (said,) = [p.text for p in find_all(page.text, "p", class_="fired-because")]
    assert said == "Fired at 15:00: no public statement by T+15:00"
    assert "magazine-goes-ahead" not in page.text  # its check at T+35 never came
