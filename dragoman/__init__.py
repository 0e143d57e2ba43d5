"""dragoman: news articles in, political event data out (actors, quotes, CAMEO/PLOVER events)."""

__version__ = "0.1.0"
__all__ = ["__version__"]
