"""From a raw input to a clean article: body, headline, dates, dateline, boilerplate, comments."""
