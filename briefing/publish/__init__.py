"""Publishing: episodes into a site folder (catalog, feed, page) and a server for it.

    from briefing.publish import publish, list_episodes, remove_episode
    result = publish("today.mp3", "site", base_url="http://192.168.1.20:8000/")
    print(result.feed_url)
"""

from __future__ import annotations

from .listeners import add_listener, list_listeners, revoke_listener
from .site import Published, list_episodes, publish, rebuild, remove_episode

__all__ = ["Published", "list_episodes", "publish", "rebuild", "remove_episode",
           "add_listener", "list_listeners", "revoke_listener"]
