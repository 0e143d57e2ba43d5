"""The explorer's JSON API and application (``dragoman serve``): read-only, over the store's query layer."""

from dragoman.api.app import create_app

__all__ = ["create_app"]
