"""Apple Podcasts categories: a show names one, optionally with a subcategory ("News/Daily News").

Apple rejects feeds whose category is not on its list, so we check the name before
writing a feed rather than let a podcast directory refuse it later.
"""

from __future__ import annotations

import difflib

from ..errors import BriefingError

APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health", "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies", "Home & Garden",
                "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics", "Sports News",
             "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism", "Religion",
                                "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics", "Natural Sciences",
                "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel", "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf", "Hockey", "Rugby",
               "Running", "Soccer", "Swimming", "Tennis", "Volleyball", "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}


def all_category_names() -> list[str]:
    names = []
    for main, subs in APPLE_CATEGORIES.items():
        names.append(main)
        names.extend(f"{main}/{sub}" for sub in subs)
    return names


def parse_category(value: str) -> tuple[str, str | None]:
    """'News/Daily News' (or 'News > Daily News', any case) to Apple's exact ('News', 'Daily News')."""
    text = value.replace(">", "/").strip()
    parts = [p.strip() for p in text.split("/", 1)] if text else [""]
    by_lower = {name.lower(): name for name in APPLE_CATEGORIES}
    main = by_lower.get(parts[0].lower())
    sub = None
    if main is not None and len(parts) == 2:
        sub = {s.lower(): s for s in APPLE_CATEGORIES[main]}.get(parts[1].lower())
        if sub is None:
            main = None
    if main is None:
        close = difflib.get_close_matches(text, all_category_names(), n=3, cutoff=0.5)
        hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
        raise BriefingError(f"category {value!r} is not one of Apple Podcasts' categories{hint}; "
                            f"e.g. 'News' or 'News/Daily News'")
    return main, sub
