"""The language-model writer: any OpenAI-compatible chat endpoint writes the story's script
(a conversation of 2 to 4 hosts, or a digest or brief for the ear), and the grounding rule
keeps every turn to what the sources say.

    client.py     the endpoint: GET /models, POST /chat/completions (deadline, retries, Retry-After)
    schema.py     the reply's shape (turns of speaker, text, sources), checked with jsonschema
    prompt.py     the prompt, from Jinja2 templates users can override (--templates)
    grounding.py  the rule: numbers, names, dates and quotations must be in the sources
    cache.py      replies kept by endpoint, model, prompt and sources (a re-run asks nothing)
    writer.py     stories to Segments: ask, check, repair once, ground, fall back
"""
