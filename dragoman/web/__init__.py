"""The explorer's web pages (Jinja2 templates, static files, vendored JS) over the API's view data."""
