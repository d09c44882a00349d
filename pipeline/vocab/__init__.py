"""Shared vocabularies: the one place every stage looks up units, TimeML values and finding kinds.

Each module here is data plus small look-ups, with no imports from the stages, so extraction,
comparison and the report agree by construction (a unit the extractor writes is a unit compare
can convert; a TimeML value the extractor writes is an interval the timeline can draw).
"""
