"""Names a screen reader says for a dialog's inputs.

Qt names a line edit after the label whose buddy it is, but a drop-down after its
current value («平台» rather than «申报类型»), and an input whose label was made apart
from its form row has no name at all. :func:`name_form_inputs` gives every field of a
dialog's form layouts the text of its row's label, unless it was named already.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

_TAGS = re.compile(r"<[^>]+>|&(?!&)")


def name_form_inputs(root: QWidget) -> int:
    """Name each labelled field of ``root``'s form layouts; how many were named."""
    named = 0
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            if not isinstance(label, QLabel) or field is None or field.accessibleName():
                continue
            field.setAccessibleName(_TAGS.sub("", label.text()).rstrip("：:").strip())
            named += 1
    return named
