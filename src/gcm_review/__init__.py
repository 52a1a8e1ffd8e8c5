"""gcm-review: evidence maps of Global Compact for Migration review documents.

The pipeline (read → normalise → segment → language → map → extract → store → analyse →
present) is reachable from Python exactly as the command line uses it::

    from gcm_review import Engine, ingest, open_store, coverage_matrix

    engine = Engine()
    engine.classify("Le Maroc garantit l'accès des migrants aux services de base.")
"""

import logging

from .analyse import CoverageMatrix, coverage_matrix, search_passages
from .demo import DemoResult, demo_corpus_path, run_demo
from .errors import (
    CorruptDocumentError,
    DataFileError,
    EmptyDocumentError,
    EncryptedDocumentError,
    GcmReviewError,
    IngestError,
    InputFormatError,
    StoreError,
    UnsupportedFormatError,
)
from .evaluate import GoldPassage, evaluate, load_gold
from .extract import ExtractOptions
from .framework import Framework, check_framework, load_framework
from .mapping import MappingOptions
from .models import (
    DOCUMENT_KINDS,
    AnalysedDocument,
    AnalysedPassage,
    Document,
    DocumentInfo,
    Entity,
    Evidence,
    Mapping,
    Match,
    Passage,
    known_kind,
)
from .pipeline import Engine, IngestReport, Options, Query, collect_files, ingest
from .present.html import render_report, write_report
from .read import read_bytes, read_document
from .segment import SegmentOptions
from .store import SQLiteStore, Store, open_store

logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"

__all__ = [
    "DOCUMENT_KINDS",
    "AnalysedDocument",
    "AnalysedPassage",
    "CorruptDocumentError",
    "CoverageMatrix",
    "DataFileError",
    "DemoResult",
    "Document",
    "DocumentInfo",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "Engine",
    "Entity",
    "Evidence",
    "ExtractOptions",
    "Framework",
    "GcmReviewError",
    "GoldPassage",
    "IngestError",
    "IngestReport",
    "InputFormatError",
    "Mapping",
    "MappingOptions",
    "Match",
    "Options",
    "Passage",
    "Query",
    "SQLiteStore",
    "SegmentOptions",
    "Store",
    "StoreError",
    "UnsupportedFormatError",
    "__version__",
    "check_framework",
    "collect_files",
    "coverage_matrix",
    "demo_corpus_path",
    "evaluate",
    "ingest",
    "known_kind",
    "load_framework",
    "load_gold",
    "open_store",
    "read_bytes",
    "read_document",
    "render_report",
    "run_demo",
    "search_passages",
    "write_report",
]
