"""The organisation as pure data: frozen dataclasses, enums and value types.

Nothing here imports Django or any other part of Remit.
"""

from .cadence import Cadence, CadenceUnit
from .organization import Organization, ResponsibilityRef

__all__ = ["Cadence", "CadenceUnit", "Organization", "ResponsibilityRef"]
