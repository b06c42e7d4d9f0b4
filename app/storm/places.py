"""Where a storm happens: real towns of the scenario's country, and its institutional accounts.

Faker's invented towns (« Saint GenevièveVille », "Staciefurt") give a storm away; these lists
are real places. Institutions (authorities, agencies, newsrooms) have fictional names, a badge
and their own cadence (see `app.storm.authors`).
"""

TOWNS = {
    "FR": (
        "Lyon Marseille Toulouse Nantes Strasbourg Montpellier Bordeaux Lille Rennes Reims "
        "Saint-Étienne Toulon Le Havre Grenoble Dijon Angers Nîmes Clermont-Ferrand Annecy "
        "Le Mans Aix-en-Provence Brest Tours Amiens Limoges Perpignan Metz Besançon Orléans "
        "Rouen Mulhouse Caen Nancy Argenteuil Montreuil Roubaix Tourcoing Avignon Poitiers "
        "Pau Versailles Chambéry La Rochelle Colmar Valence Quimper Lorient Vannes Niort "
        "Chartres Troyes Bayonne Albi Auxerre Belfort Cholet Laval Saint-Malo Angoulême"
    ),
    "BE": (
        "Bruxelles Liège Charleroi Namur Mons Louvain-la-Neuve Tournai Wavre Arlon Verviers "
        "Nivelles Seraing Mouscron La Louvière Ottignies Waterloo Huy Dinant Spa Bastogne"
    ),
    "CH": (
        "Genève Lausanne Fribourg Neuchâtel Sion Montreux Yverdon-les-Bains Nyon Vevey "
        "Morges Bienne Delémont La Chaux-de-Fonds Martigny Renens Carouge Monthey Bulle"
    ),
    "CA": (
        "Montréal Québec Laval Gatineau Longueuil Sherbrooke Lévis Trois-Rivières Terrebonne "
        "Saguenay Repentigny Drummondville Granby Saint-Jérôme Rimouski Blainville Brossard"
    ),
    "GB": (
        "Leeds York Harrogate Sheffield Manchester Liverpool Bristol Birmingham Nottingham "
        "Leicester Newcastle Sunderland Bradford Hull Derby Coventry Reading Oxford Cambridge "
        "Norwich Exeter Plymouth Brighton Southampton Portsmouth Bath Cardiff Swansea Glasgow "
        "Edinburgh Aberdeen Dundee Belfast Preston Bolton Wigan Stockport Doncaster Wakefield "
        "Huddersfield Halifax Lincoln Ipswich Colchester Chelmsford Luton Watford Swindon "
        "Cheltenham Gloucester Worcester Shrewsbury Chester Lancaster Carlisle Durham Middlesbrough"
    ),
    "US": (
        "Columbus Cleveland Cincinnati Dayton Toledo Akron Pittsburgh Philadelphia Baltimore "
        "Richmond Raleigh Charlotte Atlanta Nashville Louisville Indianapolis Chicago Milwaukee "
        "Madison Detroit Minneapolis Omaha Denver Phoenix Tucson Austin Houston Dallas Tampa "
        "Orlando Miami Boston Hartford Albany Buffalo Rochester Syracuse Portland Seattle Spokane "
        "Sacramento Fresno Oakland Tacoma Boise Reno Albuquerque Tulsa Wichita Memphis"
    ),
    "IE": (
        "Dublin Cork Galway Limerick Waterford Kilkenny Sligo Athlone Drogheda Dundalk Navan "
        "Ennis Tralee Carlow Wexford Letterkenny Mullingar Naas Bray Swords Killarney Tullamore"
    ),
}
FAKER_LOCALES = {
    ("fr", "FR"): "fr_FR",
    ("fr", "BE"): "fr_BE",
    ("fr", "CH"): "fr_CH",
    ("fr", "CA"): "fr_CA",
    ("en", "GB"): "en_GB",
    ("en", "US"): "en_US",
    ("en", "IE"): "en_IE",
    ("en", "CA"): "en_CA",
}
# Fictional institutions per language: (name, handle). Authorities post bulletins, newsrooms
# post headlines; each has a badge.
INSTITUTIONS = {
    "regulator": {
        "en": (
            ("Consumer Safety Office", "ConsumerSafetyOff"),
            ("National Standards Agency", "NatStandardsAgcy"),
            ("Regional Public Health", "RegionPublicHlth"),
            ("Data Protection Board", "DataProtectBoard"),
            ("Emergency Information Service", "EmergencyInfoSvc"),
        ),
        "fr": (
            ("Agence régionale de santé", "ARS_Region"),
            ("Direction de la protection des consommateurs", "DPC_Info"),
            ("Autorité de contrôle des données", "ACD_Officiel"),
            ("Préfecture — information du public", "Prefecture_Info"),
            ("Agence nationale de sécurité", "AgenceNatSecu"),
        ),
    },
    "journalist": {
        "en": (
            ("The Regional Ledger", "RegionalLedger"),
            ("Morning Courier", "MorningCourier"),
            ("City Desk News", "CityDeskNews"),
            ("Business Wire Daily", "BizWireDaily"),
            ("Consumer Watch", "ConsumerWatchMag"),
            ("Newsline 24", "Newsline24"),
        ),
        "fr": (
            ("Le Courrier régional", "CourrierRegional"),
            ("L'Écho du matin", "EchoDuMatin"),
            ("Info Direct 24", "InfoDirect24"),
            ("La Dépêche éco", "DepecheEco"),
            ("Conso Hebdo", "ConsoHebdo"),
            ("Le Fil actu", "LeFilActu"),
        ),
    },
}


def towns(country: str) -> tuple[str, ...]:
    """The country's towns (the lists hold one-word names only)."""
    return tuple(TOWNS.get(country, TOWNS["GB"]).split())


def faker_locale(language: str, country: str) -> str:
    """Faker's locale for people's names in this language and country."""
    return FAKER_LOCALES.get((language, country), "fr_FR" if language == "fr" else "en_GB")
