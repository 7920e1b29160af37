"""Named entities in article bodies: people, organisations, places, with roles and within-report coreference."""
