"""TimeML vague references: الآن، مؤخراً، الفترة المقبلة."""

from __future__ import annotations

from ..lexicon import _vague_table
from ..values import _M


class VagueRules:
    """TimeML vague references: الآن، مؤخراً، الفترة المقبلة."""

    def m_vague(self, i: int) -> list[_M] | None:
        """الآن، حالياً، مؤخراً، في الآونة الأخيرة، الفترة المقبلة: TimeML's vague DATEs."""
        if not self.vague:
            return None
        hit = self.lookup(_vague_table(), i)
        if hit is None:
            return None
        n, value, plen = hit
        if plen and self.word(i)[:plen] not in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
            return None
        return [_M(i, i + n, "DATE", value, "vague", "gregorian", False)]
