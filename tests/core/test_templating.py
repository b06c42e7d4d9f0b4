"""Templates: the translation callables behave in Jinja as in Python."""

from app.core.templating import env


def test_plural_messages_in_templates_take_named_variables_besides_the_count():
    template = env.from_string(
        '{{ ngettext("%(num)s of %(total)s answer", "%(num)s of %(total)s answers", n, total=t) }}'
    )
    assert template.render(n=1, t=4) == "1 of 4 answer"
    assert template.render(n=3, t=4) == "3 of 4 answers"
