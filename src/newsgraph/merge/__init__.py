"""Across reports: one entity per real-world referent (deterministic ids), and one event per
real-world event however many reports tell it (`newsgraph.merge.events`)."""
from newsgraph.entities.store import ENTITIES_MIGRATION, export_entities, resolve, save_entities
from newsgraph.merge.events import combine, group_events

__all__ = ["ENTITIES_MIGRATION", "combine", "export_entities", "group_events", "resolve", "save_entities"]
