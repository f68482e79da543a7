"""Ten short stories on ten topics and a show file with thirty listeners, each following 3-5 of them."""

from __future__ import annotations

from pathlib import Path

TOPICS = ("climate", "energy", "ferries", "schools", "housing", "football", "museums", "vaccines", "bridges", "markets")


def story_text(number: int, topic: str) -> str:
    name = topic.capitalize()
    return (f"{name} Plan Number {number} Agreed\n\n"
            f"The council agreed a new {topic} plan on Monday after a long debate in the town hall. "
            f"Officials said the {topic} plan would start in the spring.\n\n"
            f"Residents welcomed the decision. Work on it begins next month, the mayor said.\n")


NAMES = ("Ana", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Mona",
         "Nils", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Victor", "Wanda", "Xavier", "Yara", "Zoe",
         "Arlo", "Bea", "Cyrus", "Dora")


def listener_topics(number: int) -> list[str]:
    """Listener n follows 2-4 topics; with the top story (climate) they get 3-5 stories."""
    count = 2 + number % 3
    start = 1 + (number * 3) % 9
    return [TOPICS[1 + (start - 1 + k) % 9] for k in range(count)]


def write_personal_show(folder: Path, listeners: int = 30, *, site: str = "site") -> Path:
    stories = folder / "stories"
    stories.mkdir(parents=True, exist_ok=True)
    for number, topic in enumerate(TOPICS):
        (stories / f"{number:02d}-{topic}.txt").write_text(story_text(number + 1, topic), encoding="utf-8")
    lines = ['[show]', 'title = "Harbor Daily"', 'minutes = 4', f'site = "{site}"', 'music = false', '',
             '[[source]]', 'url = "stories"', 'name = "Harbor News"', 'latest = 20', '']
    for number in range(listeners):
        topics = ", ".join(f'"{t}"' for t in listener_topics(number))
        lines += ['[[listener]]', f'name = "{NAMES[number]}"', f'topics = [{topics}]', '']
    show = folder / "briefing.toml"
    show.write_text("\n".join(lines), encoding="utf-8")
    return show
