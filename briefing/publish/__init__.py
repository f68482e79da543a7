"""Publishing: episodes into a site, a folder or a bucket (catalog, feed, page), and a server for a folder.

    from briefing.publish import publish, list_episodes, remove_episode
    result = publish("today.mp3", "site", public_url="http://192.168.1.20:8000/")
    result = publish("today.mp3", "s3://podcasts/harbor", public_url="https://cdn.example.org/harbor/")
    print(result.feed_url)

Other stages that keep state in the site's catalog change it with
`briefing.publish.catalog.with_catalog(store, change)`, which works on both kinds of site.
"""

from __future__ import annotations

from .listeners import add_listener, list_listeners, revoke_listener
from .site import Published, list_episodes, publish, rebuild, remove_episode
from .stats import site_stats

__all__ = ["Published", "list_episodes", "publish", "rebuild", "remove_episode",
           "add_listener", "list_listeners", "revoke_listener", "site_stats"]
