"""Ten short stories on ten topics and a show file with thirty listeners, each following 3-5 of them."""

from __future__ import annotations

from pathlib import Path

TOPICS = ("climate", "energy", "ferries", "schools", "housing", "football", "museums", "vaccines", "bridges", "markets")


STORIES = {
    "climate": ("Glacier Survey Shows Record Climate Melt",
                "Scientists at the Nordvik institute measured the fastest glacier retreat in forty years, blaming the warming climate. "
                "Their survey used drones over the Halden ice field all summer."),
    "energy": ("Offshore Wind Farm Powers Ten Thousand Homes",
               "The Eastbank wind farm began supplying energy to ten thousand homes on Tuesday. "
               "Engineers switched on the last of its twelve turbines at dawn."),
    "ferries": ("Island Ferries Return After Storm Repairs",
                "Ferries to Marrow Island sailed again on Friday after a month of hull repairs. "
                "Commuters cheered as the Osprey docked at the harbour pier."),
    "schools": ("Schools Get Free Breakfast Clubs",
                "Every primary school in Westfield county will open a free breakfast club in January. "
                "Teachers say hungry pupils struggle to concentrate before lunch."),
    "housing": ("Riverside Housing Estate Wins Design Prize",
                "The Copperfield housing estate by the river won the national architecture medal. "
                "Its timber terraces cost a third less to heat than older flats."),
    "football": ("Rovers Reach Football Cup Final",
                 "Harbor Rovers beat Millbrook three goals to one to reach their first football cup final. "
                 "Striker Dana Okafor scored twice in the second half."),
    "museums": ("Museums Open Late For Winter Festival",
                "The city's five museums will stay open until midnight during the lantern festival. "
                "Curators planned candlelit tours of the maritime gallery."),
    "vaccines": ("Flu Vaccines Offered At Pharmacies",
                 "Pharmacies across the region now offer flu vaccines without an appointment. "
                 "Health officials urged older residents to book before December."),
    "bridges": ("Old Stone Bridges Closed For Inspection",
                "Engineers closed three Victorian stone bridges over the Tamsin canal for inspection. "
                "Cracks were found in the arches after heavy lorries crossed them."),
    "markets": ("Farmers Markets Double Their Stalls",
                "Weekend farmers markets in Alder and Brook Lane doubled their stalls this autumn. "
                "Growers sold pumpkins, cider and honey to record crowds."),
}


def story_text(topic: str) -> str:
    title, lead = STORIES[topic]
    return f"{title}\n\n{lead}\n\nMore details are expected later this week, organisers said.\n"


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
        (stories / f"{number:02d}-{topic}.txt").write_text(story_text(topic), encoding="utf-8")
    lines = ['[show]', 'title = "Harbor Daily"', 'minutes = 4', f'site = "{site}"', '',
             '[[source]]', 'url = "stories"', 'name = "Harbor News"', 'latest = 20', '']
    for number in range(listeners):
        topics = ", ".join(f'"{t}"' for t in listener_topics(number))
        lines += ['[[listener]]', f'name = "{NAMES[number]}"', f'topics = [{topics}]', '']
    show = folder / "briefing.toml"
    show.write_text("\n".join(lines), encoding="utf-8")
    return show
