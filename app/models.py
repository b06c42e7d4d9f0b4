"""Imports every table module so that `SQLModel.metadata` knows the whole schema."""

from sqlmodel import SQLModel

from app.accounts import audit_models
from app.accounts import models as accounts_models
from app.drills import models as drills_models
from app.plans import models as plans_models
from app.scoring import models as scoring_models
from app.studio import models as studio_models

metadata = SQLModel.metadata

__all__ = [
    "metadata",
    "accounts_models",
    "audit_models",
    "drills_models",
    "plans_models",
    "scoring_models",
    "studio_models",
]
