"""Frames for the analysis tests: one English and one French crisis, with facts and rumours."""

from app.analysis import Claim, Frame

EN = Frame(
    "en",
    "Brightwater",
    (
        Claim("fact:f1", "Batch L2304 of strawberry yoghurt may contain listeria.", "fact"),
        Claim("fact:f2", "No illness has been reported.", "fact"),
        Claim("fact:f3", "Only batch L2304 is affected; other yoghurts are safe to eat.", "fact"),
        Claim("rumour:r1", "Brightwater yoghurt killed a child in Leeds", "rumour"),
        Claim("rumour:r2", "All Brightwater yoghurts are contaminated with listeria", "rumour"),
    ),
)
FR = Frame(
    "fr",
    "Réseau Plus",
    (
        Claim("fact:f1", "La panne vient d'un équipement défaillant.", "fact"),
        Claim("fact:f2", "Le réseau mobile est en panne dans le Nord.", "fact"),
        Claim("rumour:r1", "La panne est due à une cyberattaque", "rumour"),
        Claim("rumour:r2", "Des clients ont été intoxiqués", "rumour"),
        Claim("rumour:r3", "Tous les magasins sont fermés", "rumour"),
    ),
)
