"""The labelled set and the command that reports the analysis's precision and recall on it."""

from app.analysis.evaluate import LABELLED, TASKS, figures, load, main, render


def test_the_labelled_set_is_bilingual_and_labels_every_task():
    items = load(sorted(LABELLED.glob("*.yaml")))
    languages = [frame.language for frame, _item in items]
    assert min(languages.count("en"), languages.count("fr")) >= 20
    supported = {(r.task, r.label) for r in figures(items) if r.support}
    assert supported == {(task, label) for task, labels in TASKS.items() for label in labels}


def test_the_command_prints_a_row_per_task_and_label(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    rows = [line.split()[:2] for line in out.splitlines()[1:]]
    assert rows == [[task, label] for task, labels in TASKS.items() for label in labels]
    with capsys.disabled():
        print("\nStatement analysis on the labelled set (not tuned)\n" + out)


def test_figures_are_fractions_or_absent():
    for row in figures(load(sorted(LABELLED.glob("*.yaml")))):
        for value in (row.precision, row.recall):
            assert value is None or 0.0 <= value <= 1.0
    assert render([]).startswith("task")
