"""Cross-document entity resolution: one entity per real-world referent, with deterministic ids."""
from newsgraph.entities.store import ENTITIES_MIGRATION, export_entities, resolve, save_entities

__all__ = ["ENTITIES_MIGRATION", "export_entities", "resolve", "save_entities"]
