"""Reading scanned paper: pages matched against a document's file (the flow: rounds.paper).

``reading`` turns image files or a scanned PDF into page images and reads each page's QR
code (zxing-cpp; PDFs rasterised with pypdfium2 — both wheels, no system tools); ``check``
decides, page by page, whether the paper is the file that was checked.
"""
