"""What python-docx, an independent reader, finds in a Word document: its paragraphs with their style, its tables'
cells, its inline shapes (charts included) and the text of its footers, as JSON on stdout."""
import json
import sys

import docx
from docx.enum.shape import WD_INLINE_SHAPE

document = docx.Document(sys.argv[1])
section = document.sections[0]
print(
    json.dumps(
        {
            "paragraphs": [{"style": paragraph.style.name, "text": paragraph.text} for paragraph in document.paragraphs],
            "tables": [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables],
            "charts": sum(1 for shape in document.inline_shapes if shape.type == WD_INLINE_SHAPE.CHART),
            "footers": [paragraph.text for paragraph in section.footer.paragraphs] + [paragraph.text for paragraph in section.first_page_footer.paragraphs],
            "title": document.core_properties.title,
        },
        ensure_ascii=False,
    )
)
